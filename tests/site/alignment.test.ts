import { beforeAll, describe, expect, it } from 'vitest';
import type { Handbook } from '../../src/lib/model/handbook.js';
import { alignmentTree, type AlignmentNode } from '../../src/site/alignment.js';
import { loadExplorerHandbook } from './explorer-model.js';

let handbook: Handbook;
beforeAll(async () => {
  ({ handbook } = await loadExplorerHandbook());
});

/** `id (below) [children]`, to compare a tree at a glance. */
const outline = (nodes: AlignmentNode[]): unknown[] =>
  nodes.map((node) => (node.children.length === 0 ? node.objective.id : { [`${node.objective.id} (${node.below})`]: outline(node.children) }));

describe('alignmentTree', () => {
  it('puts the umbrella objective at the top and the objectives that name it as parent below, by team', () => {
    expect(outline(alignmentTree(handbook.activeCycle!))).toEqual([{ 'grow (2)': ['retention', 'uptime'] }]); // Growth's, then Platform's
  });

  it('shows only the cycle asked for', () => {
    const closed = handbook.cycles.find((cycle) => cycle.id === '2026-q2')!;
    expect(outline(alignmentTree(closed))).toEqual(['activation']);
  });
});
