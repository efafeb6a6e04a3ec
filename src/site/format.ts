import type { MetricData } from '../lib/schema/objective.js';

/** `0.7` → `0.70`: confidences and scores are shown with two decimals. */
export function formatConfidence(value: number): string {
  return value.toFixed(2);
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** A value with its metric's unit: `55%`, `1200 ms`, `3.5`. */
export function formatValue(value: number | undefined, metric?: MetricData): string {
  if (value === undefined) return '—';
  const unit = metric?.unit ?? '';
  const number = Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
  return unit === '%' ? `${number}%` : unit ? `${number} ${unit}` : number;
}

/** Low, middle or high third of the confidence scale, for colour. */
export function confidenceBand(value: number, min: number, max: number): 'low' | 'mid' | 'high' {
  const position = (value - min) / (max - min);
  return position < 0.4 ? 'low' : position < 0.7 ? 'mid' : 'high';
}
