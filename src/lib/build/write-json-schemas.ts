import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { formatJsonSchema, generateJsonSchemas } from '../schema/json-schema.js';

/**
 * Writes the editor JSON Schemas into `dir` (the site's `public/schema/`),
 * touching only files whose text changed, and removes any other `.json`
 * there: the folder holds generated files only. Returns the files written
 * or removed.
 */
export async function writeJsonSchemas(dir: string): Promise<string[]> {
  const schemas = generateJsonSchemas();
  const changed: string[] = [];
  await fs.mkdir(dir, { recursive: true });
  for (const [file, schema] of schemas) {
    const target = path.join(dir, file);
    const text = formatJsonSchema(schema);
    if (existsSync(target) && (await fs.readFile(target, 'utf8')) === text) continue;
    await fs.writeFile(target, text);
    changed.push(file);
  }
  for (const file of await fs.readdir(dir)) {
    if (!file.endsWith('.json') || schemas.has(file)) continue;
    await fs.rm(path.join(dir, file));
    changed.push(file);
  }
  return changed;
}
