import { describe, expect, it } from 'vitest';
import { confidenceChart, scaleTicks, type ChartInput } from '../../src/site/chart.js';

const BASE: ChartInput = {
  title: 'Raise retention',
  cycle: { title: '2026 Q3', start: '2026-07-01', end: '2026-09-30' },
  scale: { min: 0, max: 1 },
  checkIns: [
    { date: '2026-07-10', confidence: 0.5, value: 62 },
    { date: '2026-08-14', confidence: 0.7, value: 64 },
  ],
  metric: { baseline: 60, target: 70, unit: '%' },
  asOf: '2026-08-20',
};

/** Every number in the geometry that is not finite, with where it is. */
function notFinite(geometry: unknown): string[] {
  const found: string[] = [];
  JSON.stringify(geometry, (key, value) => {
    if (typeof value === 'number' && !Number.isFinite(value)) found.push(`${key}: ${value}`);
    return value;
  });
  // JSON turns NaN into null; the `line` strings are SVG coordinates and must be numbers too.
  const text = JSON.stringify(geometry, (_, value) => (typeof value === 'number' && !Number.isFinite(value) ? `${value}` : value));
  for (const bad of text.match(/-?(?:NaN|Infinity)/g) ?? []) found.push(bad);
  return found;
}

describe('confidenceChart never draws a coordinate that is not a number', () => {
  it('draws an ordinary chart with finite coordinates (the control)', () => {
    const geometry = confidenceChart(BASE);
    expect(notFinite(geometry)).toEqual([]);
    expect(geometry.confidence.points.map((point) => point.y)).toEqual([134, 91.6]);
    expect(geometry.progress?.points).toHaveLength(2);
  });

  it.each([
    ['ends whose distance is infinite', { min: -1e308, max: 1e308 }],
    ['infinite ends', { min: -Infinity, max: Infinity }],
    ['a NaN end', { min: Number.NaN, max: 1 }],
    ['min above max', { min: 1, max: 0 }],
    ['min equal to max', { min: 0.5, max: 0.5 }],
  ])('with a scale validation refuses (%s), draws the default scale', (_name, scale) => {
    const geometry = confidenceChart({ ...BASE, scale });
    expect(notFinite(geometry)).toEqual([]);
    expect(geometry.yTicks.map((tick) => tick.label)).toEqual(confidenceChart(BASE).yTicks.map((tick) => tick.label));
  });

  it('with a metric whose distance is infinite and values at its ends', () => {
    const geometry = confidenceChart({
      ...BASE,
      metric: { baseline: -1e308, target: 1e308 },
      checkIns: [
        { date: '2026-07-10', confidence: 0.5, value: 1e308 },
        { date: '2026-08-14', confidence: 0.7, value: -1e308 },
      ],
    });
    expect(notFinite(geometry)).toEqual([]);
    expect(geometry.summary).not.toMatch(/NaN|Infinity/);
  });

  it('scaleTicks gives no tick that is not a number', () => {
    expect(scaleTicks(-1e308, 1e308).every(Number.isFinite)).toBe(true);
    expect(scaleTicks(Number.NaN, 1)).toEqual([]);
    expect(scaleTicks(0, 10)).toEqual([0, 2.5, 5, 7.5, 10]);
  });
});

describe('confidenceChart for each kind of key result', () => {
  const { metric, ...withoutMetric } = BASE;

  it('draws the level an ordinal key result reached as steps, held until the next check-in', () => {
    const geometry = confidenceChart({
      ...withoutMetric,
      checkIns: [
        { date: '2026-07-10', confidence: 0.5, level: 'commit' },
        { date: '2026-07-24', confidence: 0.6 },
        { date: '2026-08-14', confidence: 0.7, level: 'target' },
      ],
      levelProgress: { commit: 0.3, target: 0.7, stretch: 1 },
    });
    expect(geometry.steps).toBe(true);
    expect(geometry.pace).toBeUndefined();
    const [first, second] = geometry.progress!.points;
    expect(geometry.progress!.points).toHaveLength(2);
    // Across at the commit level, then up to target on the day it was reached.
    expect(geometry.progress!.line).toBe(`${first!.x},${first!.y} ${second!.x},${first!.y} ${second!.x},${second!.y}`);
    expect(second!.label).toBe('14 Aug 2026: level target (progress 70%)');
    expect(geometry.summary).toContain('Level reached at 14 Aug 2026: target (progress 70%).');
  });

  it('marks the day a milestone was done, and says when it is not done yet', () => {
    const done = confidenceChart({ ...withoutMetric, checkIns: [{ date: '2026-08-14', confidence: 0.9 }], milestone: { doneOn: '2026-08-14' } });
    expect(done.done).toMatchObject({ x: done.confidence.points[0]!.x, label: 'done 14 Aug' });
    expect(done.progress).toBeUndefined();
    expect(done.summary).toContain('Done on 14 Aug 2026.');
    const open = confidenceChart({ ...withoutMetric, milestone: {} });
    expect(open.done).toBeUndefined();
    expect(open.summary).toContain('Not done yet.');
    expect(metric).toBeDefined();
  });
});
