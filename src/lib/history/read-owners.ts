import { readFrontMatter } from '../load/front-matter.js';

/** Who owned what in one version of an objective file, as written there. */
export interface OwnersSnapshot {
  objective: OwnerField;
  /** By key-result id. */
  keyResults: Map<string, OwnerField>;
}

export interface OwnerField {
  /** The person id written as `owner`; undefined when it is missing or not a single id. */
  owner?: string;
  /** `accepted` as written (a date); undefined when blank. */
  accepted?: string;
}

/**
 * Reads the owners of one (past) version of an objective file with the
 * loader `check` uses: YAML only, nothing evaluated, aliases bounded. A
 * version whose front matter cannot be read gives undefined and is skipped.
 */
export function readOwners(text: string): OwnersSnapshot | undefined {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const frontMatter = readFrontMatter(source);
  const data = frontMatter.data;
  if (frontMatter.problem || !isRecord(data)) return undefined;
  const keyResults = new Map<string, OwnerField>();
  if (Array.isArray(data.keyResults)) {
    for (const item of data.keyResults) {
      if (!isRecord(item) || typeof item.id !== 'string' || keyResults.has(item.id)) continue;
      keyResults.set(item.id, ownerField(item));
    }
  }
  return { objective: ownerField(data), keyResults };
}

function ownerField(data: Record<string, unknown>): OwnerField {
  const field: OwnerField = {};
  if (typeof data.owner === 'string' && data.owner.trim() !== '') field.owner = data.owner.trim();
  const accepted = asDate(data.accepted);
  if (accepted !== undefined) field.accepted = accepted;
  return field;
}

/** A date as written (the loader reads `2026-01-05` as a string, as the schema expects). */
function asDate(value: unknown): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? value.trim() : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
