import { parse } from 'parse5';

type Node = { nodeName: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node };

/** Attributes whose text a reader sees or hears. */
const READ_ATTRIBUTES = new Set(['aria-label', 'placeholder', 'title', 'alt', 'data-label', 'data-messages']);

/**
 * The texts of a built page a reader sees or hears: each text node and each
 * read attribute, trimmed, leaving out scripts and styles (and elements of
 * class `skipClass` or in language `skipLang`).
 */
export function visibleTexts(html: string, { skipClass, skipLang }: { skipClass?: string; skipLang?: string } = {}): string[] {
  const texts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeName === 'script' || node.nodeName === 'style') return;
    if (skipClass && node.attrs?.some((attr) => attr.name === 'class' && attr.value.split(/\s+/).includes(skipClass))) return;
    if (skipLang && node.nodeName !== 'html' && node.attrs?.some((attr) => attr.name === 'lang' && attr.value === skipLang)) return;
    if (node.nodeName === '#text' && node.value?.trim()) texts.push(node.value.replace(/\s+/g, ' ').trim());
    for (const attr of node.attrs ?? []) if (READ_ATTRIBUTES.has(attr.name) && attr.value.trim()) texts.push(attr.value.trim());
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parse(html) as unknown as Node);
  return texts;
}
