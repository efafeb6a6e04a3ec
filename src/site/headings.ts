/** One entry of a page's "on this page" list: a section's anchor and its words, with sub-sections. */
export interface TocEntry {
  id: string;
  text: string;
  children?: TocEntry[];
}

const HEADING = /<h2\b[^>]*\sid="([^"]+)"[^>]*>([\s\S]*?)<\/h2>/g;

/** The second-level headings of rendered HTML (a Markdown body), with the ids the pipeline gave them. */
export function headingsOf(html: string): TocEntry[] {
  return [...html.matchAll(HEADING)].map(([, id, inner]) => ({ id: id!, text: decodeText(inner!.replace(/<[^>]*>/g, '')) }));
}

function decodeText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}
