import type { Cycle, Person, Review } from '../lib/model/handbook.js';
import { ENGLISH, type Ui } from './i18n/index.js';

/** Words shown for model values that have no text of their own, in the site's language (`ui`). */

export function kindLabel(kind: Review['kind'], ui: Ui = ENGLISH): string {
  return ui.t(kind === 'check-in' ? 'review.checkIn' : 'review.retrospective');
}

/** A review has no title of its own: `Check-in of 6 Jul 2026`. */
export function reviewLabel(review: Review, ui: Ui = ENGLISH): string {
  return ui.t('review.of', { kind: kindLabel(review.kind, ui), date: ui.date(review.date) });
}

export function statusLabel(status: Cycle['status'], ui: Ui = ENGLISH): string {
  return ui.t(status === 'planning' ? 'status.planning' : status === 'active' ? 'status.active' : 'status.closed');
}

/**
 * Whether a person has left by the handbook's `asOf` date (a date in the
 * future is a planned departure). Measured from `asOf`, never from the clock.
 */
export function departure(person: Person, asOf: string, ui: Ui = ENGLISH): { label: string; heading: string; date: string } | undefined {
  if (!person.left) return undefined;
  const left = person.left <= asOf;
  return { label: ui.t(left ? 'person.left' : 'person.leaves'), heading: ui.t(left ? 'person.leftHeading' : 'person.leavesHeading'), date: person.left };
}

/** `2026 Q3 · active`, for headings and labels. */
export function cycleLabel(cycle: Cycle, ui: Ui = ENGLISH): string {
  return `${cycle.title} · ${statusLabel(cycle.status, ui).toLowerCase()}`;
}
