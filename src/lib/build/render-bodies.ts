import { Worker } from 'node:worker_threads';
import type { Handbook } from '../model/handbook.js';

/**
 * The Markdown bodies the pages show, each once, in about the order Astro's
 * routes render them (cycles, glossary, objectives, people, reviews, teams).
 * MDX glossary terms are left out: Astro's MDX integration compiles those.
 */
export function markdownBodies(handbook: Handbook): string[] {
  const { cycles, glossary, objectives, people, reviews, teams } = handbook;
  const bodies = new Set<string>();
  for (const entities of [cycles, glossary, objectives, people, reviews, teams]) {
    for (const entity of entities) if (!('format' in entity && entity.format === 'mdx') && entity.body.trim() !== '') bodies.add(entity.body);
  }
  return [...bodies];
}

/**
 * Renders the bodies in a worker thread (the bundled render-bodies-worker.mjs)
 * with the pages' own Markdown pipeline. The map it returns fills with each
 * body's HTML, by its text, as the thread gets through them; a page whose
 * body is not in it yet renders the body itself, as it does in `npm run
 * dev`. The site is the same either way: only who rendered a body differs.
 */
export function renderBodiesInThread(workerScript: string, bodies: string[], base: string): { rendered: Map<string, string>; stop: () => Promise<void> } {
  const rendered = new Map<string, string>();
  const worker = new Worker(workerScript, { workerData: { bodies, base }, execArgv: [] });
  worker.on('message', ({ from, html }: { from: number; html: (string | null)[] }) => {
    html.forEach((code, offset) => code !== null && rendered.set(bodies[from + offset]!, code));
  });
  // A failing thread only means the pages render more bodies themselves.
  worker.on('error', () => {});
  return { rendered, stop: async () => void (await worker.terminate()) };
}
