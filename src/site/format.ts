import type { MetricData } from '../lib/schema/objective.js';

/** The ends of a confidence scale (the handbook's `confidence` setting). */
export interface Scale {
  min: number;
  max: number;
}

/**
 * A confidence as its scale writes it: on the default 0-1 scale with two
 * decimals (`0.70`); on a wider scale (0-10, 1-5, 0-100) a whole number stays
 * whole (`5`, not `5.00`) and a fraction keeps at most two decimals (`6.5`).
 */
export function formatConfidence(value: number, scale: Scale = { min: 0, max: 1 }): string {
  if (scale.max - scale.min <= 1) return value.toFixed(2);
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
}

/** `0.8` → `0.80`: retrospective scores are always on 0-1, shown with two decimals. */
export function formatScore(value: number): string {
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
