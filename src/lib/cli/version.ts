import { readFileSync } from 'node:fs';

declare const __OKR_HANDBOOK_VERSION__: string | undefined;

/**
 * The package's version. The compiled command has it written in at compile
 * time (scripts/compile.mjs), so `okr-handbook --version` reads no file; run
 * from source (tests, tsx) it comes from package.json.
 */
export const VERSION: string =
  typeof __OKR_HANDBOOK_VERSION__ === 'string'
    ? __OKR_HANDBOOK_VERSION__
    : (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
