import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Writes the files `handbook.yaml` names for the site (logo, favicon,
 * stylesheets) into `<siteDir>/brand/`, as validation read and checked them:
 * nothing is read from the content folder again.
 */
export async function writeSiteFiles(siteDir: string, files: ReadonlyMap<string, Buffer>): Promise<void> {
  for (const [file, bytes] of files) {
    const target = path.join(siteDir, 'brand', ...file.split('/'));
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, bytes);
  }
}
