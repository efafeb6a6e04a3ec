import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The file every build writes into the site it publishes: it says the folder
 * is a site this tool built, and which files that build wrote, so the next
 * build replaces those and keeps anything else (a `CNAME` put there by hand).
 */
export const BUILD_MARKER = '.okr-handbook-build.json';

export interface BuildMarker {
  /** The files the build wrote, relative to the output folder, `/`-separated, sorted. */
  files: string[];
  /** The path the site was built to be served under (`/`, `/okrs/`): `okr-handbook preview` serves it there. */
  base?: string;
}

/** The marker's text: the same files give the same bytes, so two builds of one handbook stay identical. */
export function formatBuildMarker(files: readonly string[], base = '/'): string {
  const sorted = [...files].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `${JSON.stringify({ builtBy: 'okr-handbook', base, files: sorted }, null, 1)}\n`;
}

/** The marker of the site in `dir`; undefined when there is none or it is not one this tool wrote. */
export function readBuildMarker(dir: string): BuildMarker | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path.join(dir, BUILD_MARKER), 'utf8'));
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object') return undefined;
  const { builtBy, files, base } = data as { builtBy?: unknown; files?: unknown; base?: unknown };
  if (builtBy !== 'okr-handbook' || !Array.isArray(files) || !files.every((file) => typeof file === 'string')) return undefined;
  return { files, ...(typeof base === 'string' && { base }) };
}
