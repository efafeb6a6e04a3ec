import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownBodies, renderBodiesInThread } from '../../../src/lib/build/render-bodies.js';
import { checkHandbook } from '../../../src/lib/check-handbook.js';
import type { Handbook } from '../../../src/lib/model/handbook.js';
import { markdownProcessor, renderBody } from '../../../src/site/markdown.js';
import { bundleWorker } from '../../helpers/build-fixture.js';
import { DEMO_HANDBOOK } from '../../helpers/demo-handbook.js';

const BASE = '/okrs/';

/** Waits until the map holds `count` bodies, or the time is up. */
async function filled(map: Map<string, string>, count: number, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (map.size < count && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('Markdown bodies rendered in a thread while Astro starts', () => {
  let work: string;
  let workerScript: string;
  let handbook: Handbook;

  beforeAll(async () => {
    ({ dir: work, script: workerScript } = await bundleWorker('src/lib/build/render-bodies-worker.ts'));
    handbook = (await checkHandbook({ contentDir: DEMO_HANDBOOK })).handbook;
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('takes every body a page shows once, and leaves MDX glossary terms to the MDX integration', () => {
    const bodies = markdownBodies(handbook);
    expect(new Set(bodies).size).toBe(bodies.length);
    const objective = handbook.objectives.find((o) => o.body.trim() !== '')!;
    expect(bodies).toContain(objective.body);
    const mdxTerms = handbook.glossary.filter((term) => term.source.file.endsWith('.mdx'));
    expect(mdxTerms.length).toBeGreaterThan(0);
    for (const term of mdxTerms) expect(bodies).not.toContain(term.body);
  });

  it('gives each body the HTML the page would render itself', async () => {
    const bodies = markdownBodies(handbook);
    const thread = renderBodiesInThread(workerScript, bodies, BASE);
    try {
      await filled(thread.rendered, bodies.length);
      expect(thread.rendered.size).toBe(bodies.length);
      const processor = await markdownProcessor(BASE);
      for (const body of bodies) expect(thread.rendered.get(body), body).toBe(await renderBody(processor, body));
    } finally {
      await thread.stop();
    }
  }, 60_000);

  it('leaves the bodies to the pages when the thread fails', async () => {
    const broken = path.join(work, 'broken-worker.mjs');
    writeFileSync(broken, 'throw new Error("no Markdown here");\n');
    const thread = renderBodiesInThread(broken, markdownBodies(handbook), BASE);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(thread.rendered.size).toBe(0);
    await thread.stop();
  });
});
