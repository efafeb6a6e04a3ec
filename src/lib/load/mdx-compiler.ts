import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { okrHandbookCacheFolder } from '../cache-folder.js';
import { mdxImportsWith, type MdxImport } from '../rules/mdx-import.js';

/** What a failed compile says, as the mdx-syntax rule reads it. */
export interface MdxCompileError {
  line?: number;
  column?: number;
  place?: { line?: number; column?: number; start?: { line: number; column: number } };
  reason?: string;
  message?: string;
}

export interface MdxCompiler {
  /** Compiles a body; throws what the compiler threw (or, from the cache, what it threw last time). */
  compile(body: string): void;
  /** The modules a body imports, and where it names them. */
  imports(body: string): readonly MdxImport[];
  /** Remembers this check's outcomes for the next one. */
  save(): void;
}

/** What the compiler said of one body. */
interface Outcome {
  /** What compiling it threw; null when it compiled. */
  error: MdxCompileError | null;
  imports: MdxImport[];
}

interface CacheFile {
  /** The compiler's version and this file's format: another's verdicts are not trusted. */
  compiler: string;
  /** Outcome by the body's hash. */
  outcomes: Record<string, Outcome>;
}

const CACHE_FILE = 'mdx-syntax.json';
const FORMAT = 2;

const hash = (body: string) => createHash('sha256').update(body).digest('base64url');

/**
 * Compiling MDX is cheap, but loading the compiler costs about half a
 * second: most of what `check` of a small handbook would wait for. So each
 * body's outcome (what compiling it threw, and what it imports) is kept in okr-handbook's cache folder, keyed by the body's
 * hash and the compiler's version, and the compiler is loaded only when a
 * body has not been seen, as ESLint's cache does. The cache holds only the
 * bodies of the latest check, and a cache that cannot be read or written
 * changes nothing but the time taken.
 */
export async function prepareMdxCompiler(bodies: readonly string[], { cacheFile }: { cacheFile?: string } = {}): Promise<MdxCompiler> {
  let version = 'unknown';
  let file: string | undefined;
  try {
    version = installedVersion('@mdx-js/mdx');
    file = cacheFile ?? path.join(okrHandbookCacheFolder(), CACHE_FILE);
  } catch {
    // No cache: every body is compiled.
  }
  const cached = file ? readCache(file, `${version}/${FORMAT}`) : {};
  const outcomes: CacheFile['outcomes'] = {};
  const missing = bodies.some((body) => !(hash(body) in cached));
  const mdx = missing ? await import('@mdx-js/mdx') : undefined;
  const findImports = mdx ? mdxImportsWith(mdx.createProcessor) : undefined;
  const outcomeOf = (body: string): Outcome => {
    const key = hash(body);
    let outcome = outcomes[key] ?? cached[key];
    if (outcome === undefined) {
      // Only bodies listed up front are compiled: with none missing, the compiler was not loaded.
      if (!mdx || !findImports) throw new Error('okr-handbook: an MDX body was compiled that the check did not list.');
      let error: MdxCompileError | null = null;
      try {
        mdx.compileSync(body);
      } catch (cause) {
        const thrown = (cause ?? {}) as MdxCompileError;
        error = { ...pick(thrown), reason: thrown.reason ?? thrown.message ?? String(cause) };
      }
      outcome = { error, imports: findImports(body) };
    }
    outcomes[key] = outcome;
    return outcome;
  };
  return {
    compile(body) {
      const { error } = outcomeOf(body);
      if (error) throw error;
    },
    imports: (body) => outcomeOf(body).imports,
    save() {
      if (!file || !missing) return;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const temporary = `${file}.${process.pid}`;
        writeFileSync(temporary, JSON.stringify({ compiler: `${version}/${FORMAT}`, outcomes } satisfies CacheFile));
        renameSync(temporary, file);
      } catch {
        // A read-only node_modules: the next check compiles again.
      }
    },
  };
}

/** The version of the package Node would load from here, found as Node finds it: in the nearest node_modules that has it. */
function installedVersion(name: string): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed`);
  }
}

function readCache(file: string, version: string): CacheFile['outcomes'] {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    return data.compiler === version && data.outcomes && typeof data.outcomes === 'object' ? data.outcomes : {};
  } catch {
    return {};
  }
}

/** The fields the rule reads, as plain data that survives JSON. */
function pick(error: MdxCompileError): MdxCompileError {
  const place = error.place?.start ? { start: { line: error.place.start.line, column: error.place.start.column } } : undefined;
  return {
    ...(typeof error.line === 'number' && { line: error.line }),
    ...(typeof error.column === 'number' && { column: error.column }),
    ...(place && { place }),
  };
}
