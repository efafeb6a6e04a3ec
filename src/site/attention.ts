import type { Cycle, KeyResult } from '../lib/model/handbook.js';
import { getSiteModel } from './handbook.js';
import { ENGLISH, type Ui } from './i18n/index.js';
import { warningsFor } from './queries.js';

export interface AttentionItem {
  keyResult: KeyResult;
  reason: string;
}

/**
 * What needs attention in a cycle, from the model and from validation:
 * stale check-ins and other warnings, low confidence (the bottom third of
 * the scale), and confidence that fell at the latest check-in.
 */
export function needsAttention(cycle: Cycle, ui: Ui = ENGLISH): AttentionItem[] {
  const { min, max } = getSiteModel().handbook.settings.confidence;
  const items: AttentionItem[] = [];
  for (const objective of cycle.objectives) {
    for (const keyResult of objective.keyResults) {
      const reasons = warningsFor(keyResult).map((warning) => (warning.rule === 'confidence-stale' ? ui.t('attention.stale') : warning.rule));
      const [previous, latest] = keyResult.checkIns.length >= 2 ? keyResult.checkIns.slice(-2) : [undefined, keyResult.latestCheckIn];
      if (latest && previous && latest.confidence < previous.confidence) {
        reasons.push(ui.t('attention.fell', { from: ui.confidence(previous.confidence), to: ui.confidence(latest.confidence) }));
      } else if (latest && (latest.confidence - min) / (max - min) < 0.4) {
        reasons.push(ui.t('attention.low'));
      }
      // One line per key result, with every reason on it.
      if (reasons.length > 0) items.push({ keyResult, reason: reasons.join('; ') });
    }
  }
  return items;
}
