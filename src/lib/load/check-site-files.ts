import { promises as fs } from 'node:fs';
import path from 'node:path';
import { at, type PathSegment, type Problem } from '../problem.js';
import { SITE_FILE_TYPES } from '../schema/branding.js';
import { decodeText } from './decode-text.js';
import { readRegularFile } from './read-regular-file.js';
import { cssRefusal, svgRefusal } from './site-file-content.js';
import { isWithin, SETTINGS_FILE } from './walk-content.js';

/** A file `handbook.yaml` names for the site, and where it names it. */
export interface SiteFileReference {
  /** The path as written, relative to the content folder. */
  file: string;
  /** Which setting names it: the allowed types and the words of the messages follow from it. */
  role: keyof typeof SITE_FILE_TYPES;
  /** Where in `handbook.yaml` the path is written. */
  at: PathSegment[];
}

const ROLE_NAMES: Record<SiteFileReference['role'], string> = { logo: 'The logo', favicon: 'The favicon', customCss: 'The custom stylesheet' };

/**
 * Checks each file the settings name for the site: a regular file inside the
 * content folder, within the size limit, of a type the setting allows, and
 * (for SVG and CSS) free of script and of references to other files.
 * Returns the files that passed, as read, and a problem for each that did
 * not, located on its setting.
 */
export async function checkSiteFiles(
  contentDir: string,
  references: readonly SiteFileReference[],
  maxFileSize: number,
): Promise<{ passed: Map<string, Buffer>; problems: Problem[] }> {
  const passed = new Map<string, Buffer>();
  const problems: Problem[] = [];
  const root = await fs.realpath(contentDir);
  for (const reference of references) {
    const refusal = await refuse(root, reference, maxFileSize);
    if (typeof refusal === 'object' && 'message' in refusal) {
      problems.push({ rule: 'schema', file: SETTINGS_FILE, anchor: at.value(...reference.at), ...refusal });
    } else passed.set(reference.file, refusal);
  }
  return { passed, problems };
}

async function refuse(root: string, { file, role }: SiteFileReference, maxFileSize: number): Promise<Buffer | { message: string; hint: string }> {
  const name = ROLE_NAMES[role];
  const types = SITE_FILE_TYPES[role] as readonly string[];
  const extension = path.extname(file).toLowerCase();
  if (!types.includes(extension)) {
    return { message: `${name} \`${file}\` is not one of the types allowed here (${types.join(', ')}).`, hint: `Convert it to one of ${types.join(', ')} and name that file.` };
  }
  const real = await fs.realpath(path.join(root, file)).catch(() => undefined);
  if (real === undefined) {
    return { message: `${name} \`${file}\` does not exist in the content folder.`, hint: 'Put the file in the content folder and write its path from there, e.g. `branding/logo.svg`.' };
  }
  if (!isWithin(real, root)) return { message: `${name} \`${file}\` is a link to a place outside the content folder.`, hint: 'Copy the file into the content folder instead of linking to it.' };
  const read = readRegularFile(real, maxFileSize);
  if (read.kind === 'not-regular') return { message: `${name} \`${file}\` is ${read.what}, not a regular file.`, hint: 'Name a regular file.' };
  if (read.kind === 'unreadable') return { message: `${name} \`${file}\` could not be read (${read.code}).`, hint: 'Check that its permissions let you read it.' };
  if (read.kind === 'too-large') {
    return { message: `${name} \`${file}\` is ${read.size} bytes, over the limit of ${read.maxSize}.`, hint: 'Make the file smaller, or raise `maxFileSize` in `handbook.yaml`.' };
  }
  if (extension === '.svg' || extension === '.css') {
    const { text, problem } = decodeText(read.bytes);
    if (problem) return { message: `${name} \`${file}\` is not UTF-8 text: ${problem.message}`, hint: problem.hint };
    const why = extension === '.svg' ? svgRefusal(text) : cssRefusal(text);
    if (why) {
      const hint =
        extension === '.svg'
          ? 'The site serves the file as it is, so it may hold only drawing: remove scripts, event handlers (`onload=`), `<foreignObject>` and links to other files, or export it again as a plain SVG (or PNG).'
          : 'The site fetches nothing from other hosts and copies only this file: remove `@import` and `url(…)` references, or inline images as `data:` URLs.';
      return { message: `${name} \`${file}\` ${why}; it was refused.`, hint };
    }
  }
  return read.bytes;
}
