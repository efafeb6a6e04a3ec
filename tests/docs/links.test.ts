import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchors, DOC_FILES, headingSlug, prose, readDoc, ROOT } from './doc-files.js';

/** Every link and image target of a document's prose (code spans and blocks left out). */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown).replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
}

describe('links in the README and docs/', () => {
  it('finds GitHub anchors as GitHub makes them', () => {
    expect(headingSlug('What each rule means and how to fix it')).toBe('what-each-rule-means-and-how-to-fix-it');
    expect(headingSlug('`handbook.yaml`')).toBe('handbookyaml');
    expect(headingSlug("The site's addresses")).toBe('the-sites-addresses');
  });

  it.each(DOC_FILES)('%s: every relative link resolves, anchors included', (doc) => {
    const broken: string[] = [];
    const targets = linkTargets(readDoc(doc)).filter((target) => !/^[a-z]+:/i.test(target));
    for (const target of targets) {
      const [file, anchor] = target.split('#') as [string, string | undefined];
      const resolved = file === '' ? path.join(ROOT, doc) : path.resolve(ROOT, path.dirname(doc), file);
      if (!existsSync(resolved)) broken.push(`${target}: no such file`);
      else if (anchor !== undefined && resolved.endsWith('.md') && !anchors(readDoc(path.relative(ROOT, resolved))).has(anchor)) {
        broken.push(`${target}: no heading with that anchor`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('the README links every document in docs/', () => {
    const linked = new Set(linkTargets(readDoc('README.md')).map((target) => target.split('#')[0]));
    for (const doc of DOC_FILES.filter((file) => file.startsWith('docs/'))) expect(linked, doc).toContain(doc);
  });
});
