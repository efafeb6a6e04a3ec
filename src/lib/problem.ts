/** A step into front matter: a field name or a list index. */
export type PathSegment = string | number;

/**
 * Where a problem sits in a file's front matter, before it is turned into a
 * line and column. Positions are only computed for files that have a
 * problem, which keeps validating a clean handbook fast.
 *
 * - `value`: the offending value at `path` (falls back to its key when the
 *   value is empty)
 * - `key`: the key of the field at `path` (an unknown field)
 * - `map`: the mapping at `path` (for a field that is missing from it)
 * - `offset`: a place in the file text; `position`: a line and column
 */
export type Anchor =
  | { kind: 'value' | 'key' | 'map'; path: readonly PathSegment[] }
  | { kind: 'offset'; offset: number }
  /** A line and column already known, counted in the whole file (a problem found in a Markdown body). */
  | { kind: 'position'; line: number; column: number }
  | { kind: 'file' };

/** A problem found by loading or by a rule, not yet given a severity or position. */
export interface Problem {
  rule: string;
  /** Path relative to the content folder, with `/` separators. */
  file: string;
  anchor: Anchor;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint?: string;
  /** The key result the problem is about, when it is about one: the site flags it there. */
  keyResult?: string;
  /**
   * What the problem is about (see subject.ts); when not given, the key
   * result, else the field the anchor points at, else the file.
   */
  subject?: string;
}

export type Severity = 'error' | 'warn';

/** A problem located in its file and given the severity its rule is configured with. */
export interface Diagnostic {
  file: string;
  /** 1-based, counted in the whole file (the opening `---` is line 1). */
  line: number;
  /** 1-based. */
  column: number;
  rule: string;
  severity: Severity;
  message: string;
  hint?: string;
  /** The key result the problem is about, when it is about one. */
  keyResult?: string;
  /** What the problem is about: with the file and rule, its identity across versions (see subject.ts). Always set by the check. */
  subject?: string;
}

export const at = {
  value: (...path: PathSegment[]): Anchor => ({ kind: 'value', path }),
  key: (...path: PathSegment[]): Anchor => ({ kind: 'key', path }),
  map: (...path: PathSegment[]): Anchor => ({ kind: 'map', path }),
  file: (): Anchor => ({ kind: 'file' }),
  position: (line: number, column: number): Anchor => ({ kind: 'position', line, column }),
};
