import type { Language } from '../../lib/schema/branding.js';
import { de } from './de.js';
import { en, type MessageKey } from './en.js';

export type { MessageKey } from './en.js';
export type Catalogue = Readonly<Record<MessageKey, string>>;

/**
 * Every interface language: its message catalogue and the locale `Intl`
 * formats its dates and numbers in (English dates read `1 Apr 2026`).
 * Adding a language: a catalogue beside en.ts, a line here, and its code in
 * `LANGUAGES` (src/lib/schema/branding.ts).
 */
export const CATALOGUES: Readonly<Record<Language, { messages: Catalogue; locale: string }>> = {
  en: { messages: en, locale: 'en-GB' },
  de: { messages: de, locale: 'de-DE' },
};

type Values = Readonly<Record<string, string | number>>;
type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

/** The site's words, dates and numbers in one language. */
export interface Ui {
  lang: Language;
  /** A message with its `{name}` slots filled; numbers are formatted for the language. */
  t(key: MessageKey, values?: Values): string;
  /** The plural form of `key` for `count` (`{count}` filled in). */
  plural(key: PluralKey, count: number, values?: Values): string;
  /** `2026-04-01` → `1 Apr 2026` / `1. Apr. 2026`. */
  date(date: string): string;
  /** Day and month only: `1 Apr` / `1. Apr.`. */
  dayMonth(date: string): string;
  number(value: number): string;
  /** Confidences and scores, with two decimals: `0.70` / `0,70`. */
  confidence(value: number): string;
  /** `0.55` → `55%` / `55 %`. */
  percent(fraction: number): string;
}

const cache = new Map<Language, Ui>();

export function uiFor(lang: Language): Ui {
  const cached = cache.get(lang);
  if (cached) return cached;
  const { messages, locale } = CATALOGUES[lang];
  // No grouping: figures stay as authors wrote them (`1200 ms`), with the language's decimal sign.
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2, useGrouping: false });
  const confidenceFormat = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const percentFormat = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dayMonthFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const plurals = new Intl.PluralRules(locale);
  // Calendar dates are `YYYY-MM-DD` strings: read as UTC midnight and shown in UTC, no time zone moves them.
  const asDate = (date: string) => new Date(`${date}T00:00:00Z`);
  const fill = (text: string, values: Values = {}) =>
    text.replace(/\{(\w+)\}/g, (slot, name: string) => {
      const value = values[name];
      return value === undefined ? slot : typeof value === 'number' ? numberFormat.format(value) : value;
    });
  const ui: Ui = {
    lang,
    t: (key, values) => fill(messages[key], values),
    plural: (key, count, values) => {
      const form = `${key}.${plurals.select(count)}` as MessageKey;
      return fill(messages[form] ?? messages[`${key}.other` as MessageKey], { count, ...values });
    },
    date: (date) => dateFormat.format(asDate(date)),
    dayMonth: (date) => dayMonthFormat.format(asDate(date)),
    number: (value) => numberFormat.format(value),
    confidence: (value) => confidenceFormat.format(value),
    percent: (fraction) => percentFormat.format(fraction),
  };
  cache.set(lang, ui);
  return ui;
}

/** English, for code that has no handbook to ask (and the tests of pure helpers). */
export const ENGLISH: Ui = uiFor('en');
