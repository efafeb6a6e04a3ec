import { isAlias, isCollection, isPair, visit, type Alias, type Document, type Node } from 'yaml';
import { quoteName } from '../schema/describe-value.js';

/** An alias `check` refuses: it names no anchor before it, or one whose value contains it. */
export interface AliasProblem {
  /** Offset of the alias in the YAML text. */
  offset: number;
  message: string;
  hint: string;
}

/**
 * What each alias of a document stands for, found in one pass. The `yaml`
 * package resolves an alias to the last node anchored with its name before
 * it, in document order (keys included); this is that rule, without the
 * package's walk over the whole document for every alias.
 */
export function aliasTargets(document: Document.Parsed): Map<Alias, Node | undefined> {
  const anchored = new Map<string, Node>();
  const targets = new Map<Alias, Node | undefined>();
  visit(document, {
    Node(_, node) {
      if (isAlias(node)) targets.set(node, anchored.get(node.source));
      else if (node.anchor) anchored.set(node.anchor, node);
    },
  });
  return targets;
}

/**
 * The aliases that cannot be read as a finite value, in the order of the
 * text: one that names no earlier anchor, or one inside the very value its
 * anchor marks (`&a [*a]`), which would make that value contain itself
 * without end. Every cycle of aliases has such an alias: an alias can only
 * point back to a node that starts before it, so a node that ended before
 * the alias can never lead back to it.
 */
export function aliasProblems(document: Document.Parsed): AliasProblem[] {
  const anchored = new Map<string, Node>();
  const problems: AliasProblem[] = [];
  visit(document, {
    Node(_, node, path) {
      if (!isAlias(node)) {
        if (node.anchor) anchored.set(node.anchor, node);
        return;
      }
      const offset = node.range?.[0] ?? 0;
      const name = quoteName(`*${node.source}`);
      const anchor = quoteName(`&${node.source}`);
      const target = anchored.get(node.source);
      if (target === undefined) {
        problems.push({
          offset,
          message: `The alias ${name} refers to no anchor ${anchor} before it.`,
          hint: `Mark the value to repeat with ${anchor} above this line, or write the value out here.`,
        });
      } else if (path.includes(target)) {
        problems.push({
          offset,
          message: `Refused: the alias ${name} refers to a value that contains it, which would make that value endless.`,
          hint: 'An alias can only repeat a value that is complete before it; write the value out instead.',
        });
      }
    },
  });
  // In the order of the text, the first being the one reported.
  return problems.sort((a, b) => a.offset - b.offset);
}

/** How many values aliases may add to one file, all repeats counted (a "billion laughs" guard). */
export const MAX_ALIAS_EXPANSION = 10_000;

/**
 * How many values the aliases of a document add when expanded, each alias
 * counting every value of what it repeats. Counted on the document, before
 * anything is expanded, so a small file of nested aliases costs no more
 * than its size. Only for a document without alias problems (see above):
 * every alias then repeats a value complete before it.
 */
export function aliasExpansion(document: Document.Parsed, targets: Map<Alias, Node | undefined> = aliasTargets(document)): number {
  const sizes = new Map<unknown, number>();
  let added = 0;
  const sizeOf = (node: unknown): number => {
    if (node === null || node === undefined) return 0;
    if (isAlias(node)) {
      const repeated = sizes.get(targets.get(node)) ?? 1;
      added += repeated - 1;
      return repeated;
    }
    let size = 1;
    if (isPair(node)) size = sizeOf(node.key) + sizeOf(node.value);
    else if (isCollection(node)) for (const item of node.items) size += sizeOf(item);
    // Only anchored values can be repeated, so only theirs are kept.
    if ((node as Node).anchor) sizes.set(node, size);
    return size;
  };
  sizeOf(document.contents);
  return added;
}
