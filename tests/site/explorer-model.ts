import { checkHandbook } from '../../src/lib/check-handbook.js';
import { setSiteModel } from '../../src/site/handbook.js';
import { BASE_HANDBOOK, writeHandbook } from '../helpers/fixture-handbook.js';

/**
 * The small test handbook with a team tree (Platform under Engineering), an
 * umbrella objective for the active cycle with two objectives aligned to it,
 * check-ins that make one key result fall in confidence and one low, and
 * one key result never checked in (a `confidence-stale` warning).
 * Loaded as the site model, as the build does.
 */
export async function loadExplorerHandbook() {
  const contentDir = writeHandbook({
    'teams/engineering.md': '---\nname: Engineering\nlead: sam-okafor\n---\n',
    'teams/platform.md': '---\nname: Platform\nlead: sam-okafor\nparent: engineering\n---\n',
    'objectives/2026-q3/grow.md': '---\ntitle: Grow without losing customers\ncycle: 2026-q3\nowner: sam-okafor\naccepted: 2026-06-25\n---\n',
    'objectives/2026-q3/retention.md': BASE_HANDBOOK['objectives/2026-q3/retention.md']!.replace('sponsor: sam-okafor\n', 'sponsor: sam-okafor\nparent: grow\n'),
    'objectives/2026-q3/uptime.md': `---
title: Stay up while we grow
cycle: 2026-q3
team: platform
owner: lee-wong
accepted: 2026-06-26
parent: grow
keyResults:
  - id: q3-uptime
    title: Keep uptime at 99.9%
    owner: priya-shah
    accepted: 2026-06-26
  - id: q3-latency
    title: Answer in 200 ms
    owner: priya-shah
    accepted: 2026-06-26
---
`,
    'reviews/2026-q3/week-32.md': `---
date: 2026-08-10
kind: check-in
facilitator: priya-shah
updates:
  - kr: q3-retention
    confidence: 0.8
    value: 62
---
`,
    'reviews/2026-q3/week-33.md': BASE_HANDBOOK['reviews/2026-q3/week-33.md']!.replace('updates:\n', 'updates:\n  - kr: q3-uptime\n    confidence: 0.2\n'),
  });
  const result = await checkHandbook({ contentDir, today: '2026-08-20' });
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`the explorer test handbook is invalid: ${errors.map((e) => `${e.file}:${e.line} ${e.rule} ${e.message}`).join('\n')}`);
  setSiteModel({ handbook: result.handbook, contentDir, base: '/', warnings: result.diagnostics });
  return result;
}
