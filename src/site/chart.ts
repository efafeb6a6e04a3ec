import { daysBetween } from '../lib/dates.js';
import { formatConfidence, formatPercent } from './format.js';
import { ENGLISH, type Ui } from './i18n/index.js';

/**
 * The geometry of a key result's confidence chart, computed from the model
 * only (no current time, no randomness), so the same handbook always gives
 * the same SVG. `ConfidenceChart.astro` draws it.
 *
 * The plot area spans the cycle from its first to its last day (x) and the
 * handbook's confidence scale (y). Progress (0 = baseline, 1 = target) is
 * drawn on the same area: when the confidence scale is 0-1 the two share the
 * left axis, otherwise progress gets its own axis on the right.
 */
export interface ChartInput {
  /** Used in the summary. */
  title: string;
  cycle: { title: string; start: string; end: string };
  scale: { min: number; max: number };
  /** In date order; `value` counts for a metric, `level` for levels. */
  checkIns: { date: string; confidence: number; value?: number; level?: 'fail' | 'commit' | 'target' | 'stretch' }[];
  /** A metric key result: progress from baseline to target, against the expected pace. */
  metric?: { baseline: number; target: number; unit?: string };
  /** An ordinal key result: each level's progress; the level reached is drawn as steps. */
  levelProgress?: { commit: number; target: number; stretch: number };
  /** A milestone key result: the day it was done is marked, when it is done. */
  milestone?: { doneOn?: string };
  /** The handbook's `asOf`; marked on the chart when it falls inside the cycle. */
  asOf?: string;
  /** The language of the labels and the summary; default English. */
  ui?: Ui;
}

export interface ChartPoint {
  x: number;
  y: number;
  /** A short text for the point's tooltip. */
  label: string;
}

export interface ChartTick {
  /** x for x-axis ticks, y for y-axis ticks. */
  at: number;
  label: string;
  anchor: 'start' | 'middle' | 'end';
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** Confidence ticks on the left axis (also progress when the scale is 0-1). */
  yTicks: ChartTick[];
  /** Progress ticks on the right axis, only when the confidence scale is not 0-1. */
  progressTicks: ChartTick[];
  /** Whether progress shares the left axis. */
  sharedAxis: boolean;
  xTicks: ChartTick[];
  confidence: { points: ChartPoint[]; line: string };
  progress?: { points: ChartPoint[]; line: string };
  /** Whether progress is drawn as steps (the level an ordinal key result reached holds until the next check-in). */
  steps: boolean;
  /** A milestone's done day. */
  done?: { x: number; label: string; anchor: 'start' | 'middle' | 'end' };
  /** Expected pace: baseline at cycle start to target at cycle end. */
  pace?: { x1: number; y1: number; x2: number; y2: number };
  asOf?: { x: number; label: string; anchor: 'start' | 'middle' | 'end' };
  /** One sentence or three, for `aria-label` and `<title>`. */
  summary: string;
}

const WIDTH = 600;
const HEIGHT = 280;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2026-08-01` → `1 Aug`, or `1 Aug 2026` with the year. */
export function shortDate(date: string, withYear = false): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]}${withYear ? ` ${year}` : ''}`;
}

/** A number as short as it can be written: `0.25`, `4`, `5.5`. */
export function shortNumber(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** Evenly spaced ticks from `min` to `max` whose step is a round number when one exists. */
export function scaleTicks(min: number, max: number): number[] {
  const range = max - min;
  if (!(range > 0) || !Number.isFinite(range)) return Number.isFinite(min) ? [min] : [];
  const round = (step: number): boolean => {
    const magnitude = 10 ** Math.floor(Math.log10(step));
    const mantissa = Number((step / magnitude).toFixed(6));
    return [1, 2, 2.5, 3, 5].includes(mantissa);
  };
  const count = [4, 5, 3, 6, 2].find((n) => round(range / n)) ?? 2;
  return Array.from({ length: count + 1 }, (_, i) => (i === count ? max : min + (range * i) / count));
}

/** First days of months strictly inside (start, end). */
function monthStarts(start: string, end: string): string[] {
  const result: string[] = [];
  let [year, month] = start.split('-').map(Number) as [number, number];
  for (;;) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
    const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
    if (date >= end) return result;
    result.push(date);
  }
}

const r = (value: number): number => Math.round(value * 10) / 10;

/** The default scale, drawn in place of one the chart could not draw. */
const DEFAULT_SCALE = { min: 0, max: 1 };

/**
 * A scale the chart can divide by: finite ends, `min` below `max`, a finite
 * width. Validation refuses any other, so this is a second line of defence:
 * the chart never gets a coordinate that is not a number.
 */
function drawableScale(scale: { min: number; max: number }): { min: number; max: number } {
  const width = scale.max - scale.min;
  return Number.isFinite(scale.min) && Number.isFinite(scale.max) && width > 0 && Number.isFinite(width) ? scale : DEFAULT_SCALE;
}

/** `value` within 0-1; what is not a number at all (`∞ / ∞`) counts as 0. */
function clamp01(value: number): number {
  return Number.isNaN(value) ? 0 : Math.min(1, Math.max(0, value));
}

export function confidenceChart(input: ChartInput): ChartGeometry {
  const { cycle, checkIns, metric, asOf } = input;
  const ui = input.ui ?? ENGLISH;
  const day = (date: string, withYear = false) => (withYear ? ui.date(date) : ui.dayMonth(date));
  const scale = drawableScale(input.scale);
  const sharedAxis = scale.min === 0 && scale.max === 1;
  const plot = { left: 60, right: WIDTH - (sharedAxis ? 24 : 66), top: 28, bottom: HEIGHT - 40 };
  const span = Math.max(1, daysBetween(cycle.start, cycle.end));
  const xOf = (date: string): number => r(plot.left + clamp01(daysBetween(cycle.start, date) / span) * (plot.right - plot.left));
  const yOfFraction = (fraction: number): number => r(plot.bottom - clamp01(fraction) * (plot.bottom - plot.top));
  const scaleRange = scale.max - scale.min;
  const yOfConfidence = (confidence: number): number => yOfFraction((confidence - scale.min) / scaleRange);

  const yTicks: ChartTick[] = scaleTicks(scale.min, scale.max).map((value) => ({
    at: yOfConfidence(value),
    label: ui.number(Number(value.toFixed(2))),
    anchor: 'end',
  }));
  const progressTicks: ChartTick[] = sharedAxis
    ? []
    : [0, 0.5, 1].map((fraction) => ({ at: yOfFraction(fraction), label: formatPercent(fraction, ui), anchor: 'start' }));

  // Dates: both ends with the year, month starts in between unless they would crowd an end label.
  const xTicks: ChartTick[] = [
    { at: plot.left, label: day(cycle.start, true), anchor: 'start' },
    ...monthStarts(cycle.start, cycle.end)
      .map((date) => ({ at: xOf(date), label: day(date), anchor: 'middle' as const }))
      .filter((tick) => tick.at - plot.left > 90 && plot.right - tick.at > 90),
    { at: plot.right, label: day(cycle.end, true), anchor: 'end' },
  ];

  const confidencePoints = checkIns.map((checkIn) => ({
    x: xOf(checkIn.date),
    y: yOfConfidence(checkIn.confidence),
    label: ui.t('chart.pointConfidence', { date: day(checkIn.date, true), value: formatConfidence(checkIn.confidence, scale, ui) }),
  }));

  const measurable = metric !== undefined && metric.target !== metric.baseline;
  const progressOf = (value: number): number =>
    metric ? clamp01((value - metric.baseline) / (metric.target - metric.baseline)) : 0;
  const valued = measurable ? checkIns.filter((checkIn) => checkIn.value !== undefined) : [];
  const levels = input.levelProgress;
  const levelOf = (level: NonNullable<ChartInput['checkIns'][number]['level']>): number => (level === 'fail' || !levels ? 0 : clamp01(levels[level]));
  const leveled = levels ? checkIns.filter((checkIn) => checkIn.level !== undefined) : [];
  const progressPoints = levels
    ? leveled.map((checkIn) => {
        const progress = levelOf(checkIn.level!);
        return {
          x: xOf(checkIn.date),
          y: yOfFraction(progress),
          label: ui.t('chart.pointLevel', { date: day(checkIn.date, true), level: ui.t(`level.${checkIn.level!}`), progress: formatPercent(progress, ui) }),
        };
      })
    : valued.map((checkIn) => {
        const progress = progressOf(checkIn.value as number);
        return { x: xOf(checkIn.date), y: yOfFraction(progress), label: ui.t('chart.pointProgress', { date: day(checkIn.date, true), value: formatPercent(progress, ui) }) };
      });

  const line = (points: ChartPoint[]): string => points.map((point) => `${point.x},${point.y}`).join(' ');
  /** A level holds until the next check-in: across, then up or down. */
  const stepLine = (points: ChartPoint[]): string =>
    points.map((point, index) => (index === 0 ? `${point.x},${point.y}` : `${point.x},${points[index - 1]!.y} ${point.x},${point.y}`)).join(' ');
  const geometry: ChartGeometry = {
    width: WIDTH,
    height: HEIGHT,
    plot,
    yTicks,
    progressTicks,
    sharedAxis,
    xTicks,
    confidence: { points: confidencePoints, line: line(confidencePoints) },
    steps: levels !== undefined,
    summary: '',
  };
  if (measurable) {
    geometry.pace = { x1: plot.left, y1: yOfFraction(0), x2: plot.right, y2: yOfFraction(1) };
    if (progressPoints.length > 0) geometry.progress = { points: progressPoints, line: line(progressPoints) };
  }
  if (levels && progressPoints.length > 0) geometry.progress = { points: progressPoints, line: stepLine(progressPoints) };
  const doneOn = input.milestone?.doneOn;
  if (doneOn !== undefined) {
    const x = xOf(doneOn);
    geometry.done = { x, label: ui.t('chart.doneMarker', { date: day(doneOn) }), anchor: x - plot.left < 45 ? 'start' : plot.right - x < 45 ? 'end' : 'middle' };
  }
  if (asOf && asOf >= cycle.start && asOf <= cycle.end) {
    const x = xOf(asOf);
    const anchor = x - plot.left < 45 ? 'start' : plot.right - x < 45 ? 'end' : 'middle';
    geometry.asOf = { x, label: ui.t('chart.asOf', { date: day(asOf) }), anchor };
  }

  // The summary says in words what the picture shows.
  const summaryKey = measurable || levels ? 'chart.summaryWithProgress' : input.milestone ? 'chart.summaryWithCompletion' : 'chart.summary';
  const parts = [ui.t(summaryKey, { title: input.title, cycle: cycle.title, start: day(cycle.start, true), end: day(cycle.end, true) })];
  const first = checkIns[0];
  const last = checkIns[checkIns.length - 1];
  const range = { min: ui.number(Number(scale.min.toFixed(2))), max: ui.number(Number(scale.max.toFixed(2))) };
  if (!first || !last) parts.push(ui.t('chart.noCheckIns'));
  else if (first === last) parts.push(ui.t('chart.oneCheckIn', { value: formatConfidence(first.confidence, scale, ui), date: day(first.date, true), ...range }));
  else
    parts.push(
      ui.t('chart.checkIns', {
        count: checkIns.length,
        first: formatConfidence(first.confidence, scale, ui),
        firstDate: day(first.date, true),
        last: formatConfidence(last.confidence, scale, ui),
        lastDate: day(last.date, true),
        ...range,
      }),
    );
  const lastValued = valued[valued.length - 1];
  if (lastValued) {
    const expected = clamp01(daysBetween(cycle.start, lastValued.date) / span);
    parts.push(
      ui.t('chart.progressAt', { date: day(lastValued.date, true), progress: formatPercent(progressOf(lastValued.value as number), ui), expected: formatPercent(expected, ui) }),
    );
  }
  const lastLeveled = leveled[leveled.length - 1];
  if (lastLeveled)
    parts.push(
      ui.t('chart.levelAt', { date: day(lastLeveled.date, true), level: ui.t(`level.${lastLeveled.level!}`), progress: formatPercent(levelOf(lastLeveled.level!), ui) }),
    );
  if (input.milestone) parts.push(doneOn !== undefined ? ui.t('chart.doneOn', { date: day(doneOn, true) }) : ui.t('chart.notDoneYet'));
  geometry.summary = parts.join(' ');
  return geometry;
}
