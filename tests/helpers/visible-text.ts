import { parse } from 'parse5';

type Node = { nodeName: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node };

/** Attributes whose text a reader sees or hears. */
const READ_ATTRIBUTES = new Set(['aria-label', 'placeholder', 'title', 'alt', 'data-label', 'data-all', 'data-some']);
/** Attributes holding words a script shows, as JSON (the search box's `data-labels`). */
const JSON_ATTRIBUTES = new Set(['data-labels']);

function stringsOf(value: unknown, into: string[]): string[] {
  if (typeof value === 'string') into.push(value);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) stringsOf(item, into);
  return into;
}

/**
 * The texts of a built page a reader sees or hears: each text node and each
 * read attribute, trimmed, leaving out scripts and styles (and elements of
 * class `skipClass` or in language `skipLang`; with `onlyClass`, only what
 * is inside an element of that class).
 */
export function visibleTexts(
  html: string,
  { skipClass, skipLang, onlyClass }: { skipClass?: string; skipLang?: string; onlyClass?: string } = {},
): string[] {
  const texts: string[] = [];
  const hasClass = (node: Node, name: string) => node.attrs?.some((attr) => attr.name === 'class' && attr.value.split(/\s+/).includes(name)) ?? false;
  const walk = (node: Node, inside = onlyClass === undefined) => {
    if (node.nodeName === 'script' || node.nodeName === 'style') return;
    if (skipClass && hasClass(node, skipClass)) return;
    if (skipLang && node.nodeName !== 'html' && node.attrs?.some((attr) => attr.name === 'lang' && attr.value === skipLang)) return;
    if (onlyClass && hasClass(node, onlyClass)) inside = true;
    if (!inside) {
      for (const child of node.childNodes ?? []) walk(child, inside);
      if (node.content) walk(node.content, inside);
      return;
    }
    if (node.nodeName === '#text' && node.value?.trim()) texts.push(node.value.replace(/\s+/g, ' ').trim());
    for (const attr of node.attrs ?? []) {
      if (READ_ATTRIBUTES.has(attr.name) && attr.value.trim()) texts.push(attr.value.trim());
      if (JSON_ATTRIBUTES.has(attr.name)) texts.push(...stringsOf(JSON.parse(attr.value), []).map((text) => text.trim()).filter(Boolean));
    }
    for (const child of node.childNodes ?? []) walk(child, inside);
    if (node.content) walk(node.content, inside);
  };
  walk(parse(html) as unknown as Node);
  return texts;
}
