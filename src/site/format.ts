import type { MetricData } from '../lib/schema/objective.js';
import { ENGLISH, type Ui } from './i18n/index.js';

/** `0.7` → `0.70` (`0,70` in German): confidences and scores are shown with two decimals. */
export function formatConfidence(value: number, ui: Ui = ENGLISH): string {
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
