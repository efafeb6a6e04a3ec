import { Document, isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Anchor, PathSegment } from '../problem.js';
import { parseYamlDocument } from './front-matter.js';
import { aliasTargets } from './yaml-aliases.js';

export interface Position {
  line: number;
  column: number;
}

/**
 * Turns anchors into positions for one file. The `yaml` document and the
 * line table are built on first use only, so files without problems never
 * pay for them.
 */
export class FileLocator {
  private document: Document.Parsed | undefined;
  private lineStarts: number[] | undefined;
  /**
   * Each mapping's pairs by key text, built when a path first steps into it
   * (a file may hold 100 000 unknown keys). Made on first use: most files
   * have no problem to locate, and a handbook has tens of thousands of files.
   */
  private pairsByKey: WeakMap<YAMLMap, Map<string, Pair>> | undefined;
  /** Plain top-level keys by their text, to their offset (-1 for a key written twice); null when the front matter is not that simple. */
  private plainKeys: Map<string, number> | null | undefined;
  /** What each alias stands for, found when a key first turns out to be one. */
  private aliases: Map<Alias, Node | undefined> | undefined;

  constructor(
    /** The file's text without a byte-order mark, as it was read. */
    readonly text: string,
    private readonly yaml: string,
    private readonly yamlOffset: number,
  ) {}

  locate(anchor: Anchor): Position {
    switch (anchor.kind) {
      case 'file':
        return { line: 1, column: 1 };
      case 'offset':
        return this.position(anchor.offset);
      case 'position':
        return { line: anchor.line, column: anchor.column };
      default: {
        const offset = this.offsetOf(anchor.kind, anchor.path);
        return offset === undefined ? { line: 1, column: 1 } : this.position(this.yamlOffset + offset);
      }
    }
  }

  private offsetOf(kind: 'value' | 'key' | 'map', path: readonly PathSegment[]): number | undefined {
    if (kind === 'key' && path.length === 1 && typeof path[0] === 'string') {
      const offset = this.plainTopLevelKeyOffset(path[0]);
      if (offset !== undefined) return offset;
    }
    this.document ??= parseYamlDocument(this.yaml);
    let node: unknown = this.document.contents;
    let pair: Pair | undefined;
    // The deepest position reached, so a path that runs out still points near its end.
    let fallback = rangeStart(node);
    for (const segment of path) {
      pair = undefined;
      if (isMap(node)) {
        pair = this.pairsOf(node).get(String(segment));
        if (!pair) break;
        fallback = rangeStart(pair.key) ?? fallback;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
      } else {
        node = undefined;
      }
      if (node === undefined || node === null) break;
      fallback = rangeStart(node) ?? fallback;
    }
    if (kind === 'key' && pair) return rangeStart(pair.key) ?? fallback;
    if (kind === 'value' && pair && isEmptyValue(pair.value)) return rangeStart(pair.key) ?? fallback;
    return fallback;
  }

  /**
   * Where a top-level key is, found in the text without parsing it again:
   * parsing with positions is most of the time a file of 50 000 unknown keys
   * takes. Only for front matter whose every line at the margin is a plain
   * `key:` (or a comment), where such a line can be nothing but a top-level
   * key; a key written twice, or any other front matter, is left to the
   * parsed document.
   */
  private plainTopLevelKeyOffset(key: string): number | undefined {
    if (this.plainKeys === undefined) this.plainKeys = indexPlainTopLevelKeys(this.yaml);
    const offset = this.plainKeys?.get(key);
    return offset === undefined || offset < 0 ? undefined : offset;
  }

  private pairsOf(map: YAMLMap): Map<string, Pair> {
    this.pairsByKey ??= new WeakMap();
    let pairs = this.pairsByKey.get(map);
    if (pairs === undefined) {
      pairs = new Map();
      // The first pair of a key wins, as `find` would have it.
      for (const item of map.items) {
        if (!isPair(item)) continue;
        const text = this.keyText(item.key);
        if (!pairs.has(text)) pairs.set(text, item);
      }
      this.pairsByKey.set(map, pairs);
    }
    return pairs;
  }

  /**
   * A key as it appears in parsed data, as the `yaml` package names it:
   * `~:` is the empty key, `[a, b]:` its flow text, and an alias key
   * (`*k :`) the text of the scalar it repeats, or `*k` itself when it
   * repeats a collection.
   */
  private keyText(key: unknown): string {
    if (isAlias(key)) {
      this.aliases ??= aliasTargets(this.document!);
      const target = this.aliases.get(key);
      return isScalar(target) ? scalarKeyText(target) : `*${key.source}`;
    }
    if (isScalar(key)) return scalarKeyText(key);
    // In flow style, aliases left as written (`[ *k ]`), as the package writes a collection key.
    return new Document(key).toString({ collectionStyle: 'flow', verifyAliasOrder: false }).trim();
  }

  private position(offset: number): Position {
    this.lineStarts ??= computeLineStarts(this.text);
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low]! + 1 };
  }
}

/** A line at the margin that is a plain key: `name:`, `owner: x`, `k12:` (no quotes, colons or comment marks in the key). */
const PLAIN_KEY_LINE = /^([A-Za-z0-9_][^:#\r\n]*?)[ \t]*:(?:[ \t]|\r?$)/;

/** See FileLocator.plainTopLevelKeyOffset. */
function indexPlainTopLevelKeys(yaml: string): Map<string, number> | null {
  const keys = new Map<string, number>();
  for (let start = 0; start < yaml.length; ) {
    const end = yaml.indexOf('\n', start);
    const line = yaml.slice(start, end === -1 ? yaml.length : end);
    const first = line.charCodeAt(0);
    // Indented, blank and comment lines belong to the keys above them or to nothing.
    if (line.length > 0 && first !== 0x20 && first !== 0x09 && first !== 0x0d && first !== 0x23) {
      const match = PLAIN_KEY_LINE.exec(line);
      if (!match) return null;
      keys.set(match[1]!, keys.has(match[1]!) ? -1 : start);
    }
    if (end === -1) break;
    start = end + 1;
  }
  return keys;
}

function scalarKeyText(key: { value: unknown }): string {
  return key.value === null ? '' : String(key.value);
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? range[0] : undefined;
}

/** `owner:` with nothing after it: point at the key, the only thing on that line. */
function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (isScalar(value) && value.value === null) {
    const range = value.range;
    return !range || range[0] === range[1];
  }
  return false;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
