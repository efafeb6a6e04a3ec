// Renders the handbook's Markdown bodies in a thread of the page build (see
// render-bodies.ts, which starts it), while Astro starts and Vite bundles
// the pages on the main thread, and posts them in batches as it goes.
import { parentPort, workerData } from 'node:worker_threads';
import { markdownProcessor, renderBody } from '../../site/markdown.js';

/** Bodies per message: few enough that the pages get the first ones early. */
const BATCH = 32;

const { bodies, base } = workerData as { bodies: string[]; base: string };
const processor = await markdownProcessor(base);
// A body that fails here is left out (`null`): its page renders it again, and that failure names the file.
let batch: (string | null)[] = [];
for (let index = 0; index < bodies.length; index++) {
  batch.push(await renderBody(processor, bodies[index]!).catch(() => null));
  if (batch.length === BATCH || index === bodies.length - 1) {
    parentPort!.postMessage({ from: index + 1 - batch.length, html: batch });
    batch = [];
  }
}
