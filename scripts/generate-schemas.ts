// `npm run schema`: regenerates the editor JSON Schemas in public/schema/ from the zod schemas,
// and first the field descriptions they carry from the schemas' doc comments.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectFieldDescriptions, renderFieldDescriptions } from './lib/read-doc-comments.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const descriptionsPath = path.join(root, 'src/lib/schema/field-descriptions.ts');
const descriptions = renderFieldDescriptions(collectFieldDescriptions(root));
const descriptionsChanged = !existsSync(descriptionsPath) || readFileSync(descriptionsPath, 'utf8') !== descriptions;
if (descriptionsChanged) writeFileSync(descriptionsPath, descriptions);

// Imported only now, so the schemas are generated with the descriptions just written.
const { writeJsonSchemas } = await import('../src/lib/build/write-json-schemas.js');
const changed = await writeJsonSchemas(path.join(root, 'public/schema'));
console.log(
  [
    descriptionsChanged ? 'src/lib/schema/field-descriptions.ts rewritten.' : 'src/lib/schema/field-descriptions.ts is up to date.',
    changed.length > 0 ? `public/schema/: ${changed.join(', ')} rewritten.` : 'public/schema/ is up to date.',
  ].join('\n'),
);
