import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../src/lib/schema/branding.js';
import { en } from '../../../src/site/i18n/en.js';
import { CATALOGUES, uiFor } from '../../../src/site/i18n/index.js';

const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('message catalogues', () => {
  it('has a catalogue for every language the settings accept', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES.filter((language) => language !== 'en'))('%s has every key English has, no other, and the same {slots}', (language) => {
    const messages = CATALOGUES[language].messages as Record<string, string>;
    expect(Object.keys(en).filter((key) => !(key in messages))).toEqual([]);
    expect(Object.keys(messages).filter((key) => !(key in en))).toEqual([]);
    for (const [key, text] of Object.entries(en)) expect([key, slots(messages[key] ?? '')]).toEqual([key, slots(text)]);
    for (const text of Object.values(messages)) expect(text.trim()).not.toBe('');
  });

  it('formats dates and numbers for the language', () => {
    expect(uiFor('en').date('2026-04-01')).toBe('1 Apr 2026');
    expect(uiFor('de').date('2026-04-01')).toBe('1. Apr. 2026');
    expect(uiFor('de').confidence(0.7)).toBe('0,70');
    expect(uiFor('en').confidence(0.7)).toBe('0.70');
    expect(uiFor('de').percent(0.55)).toBe('55\u00a0%');
    expect(uiFor('de').plural('count.keyResults', 1)).toBe('1 Key Result');
    expect(uiFor('en').plural('count.keyResults', 3)).toBe('3 key results');
  });
});
