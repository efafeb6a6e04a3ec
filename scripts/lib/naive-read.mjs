// The naive baseline for `npm run bench:command`, as a whole process: read
// every Markdown and YAML file of a folder and split it with gray-matter.
// Plain JavaScript, so it starts as fast as Node can.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';

const dir = process.argv[2];
let files = 0;
for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
  const extension = path.extname(file);
  if (extension !== '.md' && extension !== '.mdx' && extension !== '.yaml') continue;
  // `{}` as options bypasses gray-matter's cache, which would otherwise hand back shared objects instead of parsing.
  matter(readFileSync(path.join(dir, file), 'utf8'), {});
  files++;
}
process.stdout.write(`${files} files\n`);
