import { ScaffoldError } from './inputs.js';
import type { OkrHandbookManifest } from '../package-root.js';

/** The npm scripts of a handbook repository, each calling the subcommand of the same name. */
export const HANDBOOK_SCRIPTS = ['check', 'build', 'dev', 'preview', 'new', 'diff'] as const;

export interface PackageJsonPlan {
  text: string;
  /** What happened to an existing package.json, one sentence each (nothing for a new one). */
  notes: string[];
}

interface PackageJsonSettings {
  /** The package name, from the folder's name. */
  name: string;
  /** okr-handbook's version; the dependency is `^version`. */
  version: string;
  manifest: Pick<OkrHandbookManifest, 'engines' | 'allowScripts'>;
}

type Json = Record<string, unknown>;

/**
 * The handbook repository's package.json. A new one holds everything; an
 * existing one (left by `npm install okr-handbook`) only gains what it
 * lacks: nothing in it is changed, so a script of the same name, the
 * okr-handbook dependency as it was installed (a `file:` tarball, say),
 * `engines.node`, `type` and each `allowScripts` entry stay as they are.
 */
export function planPackageJson(existing: string | undefined, settings: PackageJsonSettings): PackageJsonPlan {
  const { name, version, manifest } = settings;
  const notes: string[] = [];
  let json: Json;
  if (existing === undefined) {
    json = {};
  } else {
    try {
      json = JSON.parse(existing) as Json;
    } catch (error) {
      throw new ScaffoldError(`package.json is not valid JSON (${(error as Error).message}); fix or remove it, then run init again.`);
    }
    if (!isObject(json)) throw new ScaffoldError('package.json does not hold a JSON object; fix or remove it, then run init again.');
  }
  const added: string[] = [];
  const addIfAbsent = (key: string, value: unknown) => {
    if (json[key] !== undefined) return;
    json[key] = value;
    added.push(`\`${key}\``);
  };

  addIfAbsent('name', name);
  addIfAbsent('private', true);
  addIfAbsent('type', 'module');

  const scripts = objectAt(json, 'scripts');
  const newScripts: string[] = [];
  for (const script of HANDBOOK_SCRIPTS) {
    const command = `okr-handbook ${script}`;
    if (scripts[script] === undefined) {
      scripts[script] = command;
      newScripts.push(script);
    } else if (scripts[script] !== command) {
      notes.push(`Kept your script \`${script}\` (\`${String(scripts[script])}\`); okr-handbook's would be \`${command}\`.`);
    }
  }
  if (newScripts.length > 0) added.push(`the scripts ${newScripts.map((s) => `\`${s}\``).join(', ')}`);

  const dependencies = objectAt(json, 'dependencies');
  const devDependencies = isObject(json.devDependencies) ? json.devDependencies : {};
  const spec = dependencies['okr-handbook'] ?? devDependencies['okr-handbook'];
  if (spec === undefined) {
    dependencies['okr-handbook'] = `^${version}`;
    added.push(`the dependency \`okr-handbook@^${version}\``);
  } else if (existing !== undefined) {
    notes.push(`Kept the dependency \`okr-handbook\` as \`${String(spec)}\`.`);
  }

  const node = manifest.engines?.node;
  if (node !== undefined) {
    const engines = objectAt(json, 'engines');
    if (engines.node === undefined) {
      engines.node = node;
      added.push('`engines.node`');
    }
  }
  if (manifest.allowScripts !== undefined) {
    const allowScripts = objectAt(json, 'allowScripts');
    const allowed = Object.entries(manifest.allowScripts).filter(([pkg]) => allowScripts[pkg] === undefined);
    for (const [pkg, allow] of allowed) allowScripts[pkg] = allow;
    if (allowed.length > 0) added.push(`\`allowScripts\` for ${allowed.map(([pkg]) => pkg).join(', ')}`);
  }

  if (existing !== undefined) notes.unshift(added.length > 0 ? `Added ${added.join(', ')}.` : 'It already had everything init adds.');
  return { text: `${JSON.stringify(json, null, 2)}\n`, notes };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at `json[key]`, created when absent; an existing value that is not an object is refused. */
function objectAt(json: Json, key: string): Json {
  const value = json[key];
  if (value === undefined) return (json[key] = {}) as Json;
  if (!isObject(value)) throw new ScaffoldError(`\`${key}\` in package.json is not an object; fix it, then run init again.`);
  return value;
}
