import { describe, expect, it } from 'vitest';
import { checkHandbook } from '../../src/lib/check-handbook.js';
import type { Diagnostic } from '../../src/lib/problem.js';
import { DEMO_HANDBOOK } from '../helpers/demo-handbook.js';
import { BASE_HANDBOOK, checkFiles } from '../helpers/fixture-handbook.js';
import { SEED_HANDBOOKS } from './fuzz/seed-handbooks.js';
import { MISTAKES } from './authoring-mistakes/mistakes.js';

/** `keyResults[1]`, `updates[0].kr`: positions counted from zero, which no author counts. */
const INDEX_NOTATION = /\[\d+\]/;

function withIndexNotation(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.flatMap((d) => [d.message, d.hint ?? '']).filter((text) => INDEX_NOTATION.test(text));
}

/**
 * Each field line of the base handbook's front matter, broken two ways (its
 * value replaced by a mapping, the line removed), so every message a field
 * of a list item can get is seen: key results, initiatives, updates, scores.
 */
function brokenFields(): Record<string, string>[] {
  const variants: Record<string, string>[] = [];
  for (const [file, text] of Object.entries(BASE_HANDBOOK)) {
    if (!file.endsWith('.md')) continue;
    const lines = text.split('\n');
    const end = lines.indexOf('---', 1);
    for (let i = 1; i < end; i++) {
      const field = /^(\s*(?:- )?)(\w+): (.+)$/.exec(lines[i]!);
      if (!field) continue;
      const mapping = [...lines];
      mapping[i] = `${field[1]}${field[2]}: { odd: 1 }`;
      variants.push({ [file]: mapping.join('\n') });
      if (field[1]!.includes('-')) continue; // removing the line that opens an item merges it with the next
      variants.push({ [file]: [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n') });
    }
  }
  return variants;
}

describe('messages count positions as authors do', () => {
  it('no diagnostic of the demo handbook, the seed handbooks or the corpus of mistakes says `[n]`', async () => {
    const found: string[] = [];
    found.push(...withIndexNotation((await checkHandbook({ contentDir: DEMO_HANDBOOK, today: '2026-08-20' })).diagnostics));
    for (const seed of SEED_HANDBOOKS.slice(1)) found.push(...withIndexNotation((await checkFiles({ ...seed })).diagnostics));
    for (const mistake of MISTAKES) found.push(...withIndexNotation((await checkFiles(mistake.files)).diagnostics));
    expect(found).toEqual([]);
  }, 60_000);

  it('nor does any diagnostic of the base handbook with one field broken', async () => {
    const variants = brokenFields();
    expect(variants.length).toBeGreaterThan(50);
    const found: string[] = [];
    const messages: string[] = [];
    for (const variant of variants) {
      const { diagnostics } = await checkFiles(variant);
      messages.push(...diagnostics.map((d) => d.message));
      found.push(...withIndexNotation(diagnostics));
    }
    // The sweep reaches fields of list items, which is where `[n]` used to be.
    expect(messages).toContainEqual(expect.stringMatching(/of the second key result, `q3-churn`/));
    expect(messages).toContainEqual(expect.stringMatching(/of the first initiative of the first key result, `q3-retention`/));
    expect(messages).toContainEqual(expect.stringMatching(/of the first update, `q3-retention`/));
    expect(messages).toContainEqual(expect.stringMatching(/of the first score, `q2-activation`/));
    expect(found).toEqual([]);
  }, 120_000);
});
