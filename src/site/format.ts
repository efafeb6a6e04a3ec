import type { MetricData } from '../lib/schema/objective.js';
import { ENGLISH, type Ui } from './i18n/index.js';

/** The ends of a confidence scale (the handbook's `confidence` setting). */
export interface Scale {
  min: number;
  max: number;
}

/**
 * A confidence as its scale writes it: on the default 0-1 scale with two
 * decimals (`0.70`, `0,70` in German); on a wider scale (0-10, 1-5, 0-100) a
 * whole number stays whole (`5`, not `5.00`) and a fraction keeps at most two
 * decimals (`6.5`).
 */
export function formatConfidence(value: number, scale: Scale = { min: 0, max: 1 }, ui: Ui = ENGLISH): string {
  return scale.max - scale.min <= 1 ? ui.confidence(value) : ui.number(value);
}

/** `0.8` → `0.80` (`0,80`): retrospective scores are always on 0-1, shown with two decimals. */
export function formatScore(value: number, ui: Ui = ENGLISH): string {
  return ui.confidence(value);
}

export function formatPercent(fraction: number, ui: Ui = ENGLISH): string {
  return ui.percent(fraction);
}

/** A value with its metric's unit: `55%`, `1200 ms`, `3.5` (`3,5` in German). */
export function formatValue(value: number | undefined, metric?: MetricData, ui: Ui = ENGLISH): string {
  if (value === undefined) return '—';
  const unit = metric?.unit ?? '';
  const number = ui.number(value);
  return unit === '%' ? `${number}%` : unit ? `${number} ${unit}` : number;
}

/** Low, middle or high third of the confidence scale, for colour. */
export function confidenceBand(value: number, min: number, max: number): 'low' | 'mid' | 'high' {
  const position = (value - min) / (max - min);
  return position < 0.4 ? 'low' : position < 0.7 ? 'mid' : 'high';
}
