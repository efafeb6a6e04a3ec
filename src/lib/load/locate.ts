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
  /** Each mapping's pairs by key text, built when a path first steps into it (a file may hold 100 000 unknown keys). */
  private readonly pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();
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

  private pairsOf(map: YAMLMap): Map<string, Pair> {
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
