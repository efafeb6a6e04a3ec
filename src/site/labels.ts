import type { Cycle, Person, Review } from '../lib/model/handbook.js';

/** Words shown for model values that have no text of their own. */

export function kindLabel(kind: Review['kind']): string {
  return kind === 'check-in' ? 'Check-in' : 'Retrospective';
}

/** A review has no title of its own: `Check-in of 2026-07-06`. */
export function reviewLabel(review: Review): string {
  return `${kindLabel(review.kind)} of ${review.date}`;
}

export function statusLabel(status: Cycle['status']): string {
  return status === 'planning' ? 'Planning' : status === 'active' ? 'Active' : 'Closed';
}

/**
 * Whether a person has left by the handbook's `asOf` date (a date in the
 * future is a planned departure). Measured from `asOf`, never from the clock.
 */
export function departure(person: Person, asOf: string): { label: string; date: string } | undefined {
  if (!person.left) return undefined;
  return { label: person.left <= asOf ? 'left' : 'leaves', date: person.left };
}

/** `2026 Q3 · active`, for headings and labels. */
export function cycleLabel(cycle: Cycle): string {
  return `${cycle.title} · ${cycle.status}`;
}

/** Words of the site's chrome: header, "on this page" lists, the 404 page. */
export const chromeLabels = {
  menu: 'Menu',
  mainNavigation: 'Main',
  onThisPage: 'On this page',
  notFoundTitle: 'Page not found',
  notFoundText: 'There is no page at this address. It may have been renamed, or the objective or person it showed may have been removed from the handbook.',
  notFoundHint: 'Search the handbook with the box above, or start from one of these pages:',
};

/** The words of the ownership ledger on objective and key-result pages (src/components/OwnershipLedger.astro). */
export const ledgerLabels = {
  heading: 'Ownership history',
  intro: (owners: number) =>
    owners === 1 ? 'One owner since it was written, from the handbook\'s git history.' : `${owners} owners, newest first, from the handbook's git history.`,
  /** Before the day the entry's owner took over. */
  from: 'from',
  /** Before the day the next owner took over. */
  to: 'to',
  /** Before the day the current owner took over. */
  since: 'since',
  uncommitted: 'not committed yet',
  acceptedOn: 'accepted on',
  notAccepted: 'not accepted',
  /** An owner id that names no person in the handbook any more. */
  unknownPerson: 'not in the handbook now',
  /** Before the commit that made the change. */
  commit: 'in',
};
