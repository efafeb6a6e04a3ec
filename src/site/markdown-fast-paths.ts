import type { RehypePlugin, RemarkPlugin } from '@astrojs/markdown-remark';
import rehypeRaw from 'rehype-raw';
import remarkSmartypants from 'remark-smartypants';

/**
 * Two steps of the Markdown pipeline that cost most of its time and change
 * nothing in most bodies, run only when they can change something. Each
 * gives the same HTML as running the step on every body (a test compares the
 * two on hundreds of bodies).
 */

interface TreeNode {
  type: string;
  value?: unknown;
  children?: TreeNode[];
}

function someNode(node: TreeNode, test: (node: TreeNode) => boolean): boolean {
  if (test(node)) return true;
  const children = node.children;
  if (children) for (let i = 0; i < children.length; i++) if (someNode(children[i]!, test)) return true;
  return false;
}

/**
 * What SmartyPants can change, with Astro's options (quotes, `--` dashes,
 * ellipses with or without spaces, double backticks). It rewrites only the
 * values of `text` nodes, so a body whose text nodes hold none of these is
 * left as it was (about 60 % of the pipeline's time on a plain body).
 */
const SMARTYPANTS_CAN_CHANGE = /['"`]|--|\.\s*\./;

/** Astro's `smartypants: true`, skipped for a tree it would not change. */
export const remarkSmartypantsWhenNeeded = (() => {
  const transform = (remarkSmartypants as unknown as () => (tree: TreeNode) => void)();
  return (tree: TreeNode) => {
    if (someNode(tree, (node) => node.type === 'text' && typeof node.value === 'string' && SMARTYPANTS_CAN_CHANGE.test(node.value))) {
      transform(tree);
    }
  };
}) as unknown as RemarkPlugin;

/**
 * rehype-raw, skipped for a tree without raw HTML: with nothing to parse it
 * only round-trips the tree through parse5, which Astro's pipeline does once
 * more at its end anyway.
 */
export const rehypeRawWhenNeeded = (() => {
  const transform = (rehypeRaw as unknown as () => (tree: TreeNode, file: unknown) => TreeNode)();
  return (tree: TreeNode, file: unknown) => (someNode(tree, (node) => node.type === 'raw') ? transform(tree, file) : tree);
}) as unknown as RehypePlugin;
