/**
 * Words of the ownership explorer, the home page's summary and the alignment
 * view, in one place so that a message catalogue can take them over.
 */

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const count = {
  objectives: (n: number) => plural(n, 'objective', 'objectives'),
  keyResults: (n: number) => plural(n, 'key result', 'key results'),
  people: (n: number) => plural(n, 'person', 'people'),
  warnings: (n: number) => plural(n, 'warning', 'warnings'),
  alignedObjectives: (n: number) => plural(n, 'aligned objective', 'aligned objectives'),
};

/** The filter form shared by the ownership, objectives and people pages. */
export const filterLabels = {
  legend: 'Narrow the list',
  cycle: 'Cycle',
  team: 'Team (with its sub-teams)',
  owner: 'Owner',
  person: 'Person',
  ownsIn: 'Owns something in',
  needs: 'Needs attention',
  anyCycle: 'Every cycle',
  anyTeam: 'Every team',
  anyOwner: 'Everyone',
  anyNeed: 'Show all',
  needWarning: 'Has a warning',
  needConfidence: 'Low or falling confidence',
  needEither: 'Either',
  clear: 'Clear the filters',
  /** The count while a filter is chosen: `12 of 1333 key results`; the script puts the number in place of `{shown}`. */
  shownOf: (all: string) => `{shown} of ${all}`,
  noMatch: 'Nothing matches these filters.',
  cyclesHeading: 'Cycles',
  /** What the reader can do without JavaScript. */
  teamsLink: 'Teams',
  peopleLink: 'People',
  withoutScript: 'Filtering by team or owner needs JavaScript; without it, a team’s or a person’s page lists what they own:',
};

export const ownershipLabels = {
  title: 'Ownership',
  cycleTitle: (cycle: string) => `Ownership in ${cycle}`,
  attentionTitle: (cycle: string) => `Needs attention in ${cycle}`,
  intro:
    'Who owns which key result, and when they accepted it. Every key result has exactly one owner. Narrow the list by cycle, team, owner or what needs attention; the address keeps the choice, so a link shows the same list.',
  attentionIntro:
    'The key results of the cycle that have a validation warning, low confidence (the bottom 40 % of the scale) or a confidence that fell at the latest check-in, most severe first.',
  active: 'active',
  cyclesLabel: 'Ownership by cycle',
  attentionLink: (n: number) => `${plural(n, 'key result needs', 'key results need')} attention`,
  everyKeyResult: 'every key result of the cycle',
  caption: 'Key results by objective, with owner, acceptance date, latest confidence and warnings',
  columns: { keyResult: 'Key result', owner: 'Owner', accepted: 'Accepted', confidence: 'Latest confidence', warnings: 'Warnings' },
  notAccepted: 'not accepted',
  leftOn: 'left on',
  noKeyResults: 'This cycle has no key results.',
  noCycles: 'The handbook has no cycles yet.',
  nothingNeedsAttention: 'Nothing in this cycle needs attention.',
  line: (line: number) => `line ${line}`,
};

/** Why a key result needs attention. */
export const concernLabels = {
  staleCheckIn: 'stale check-in',
  low: 'low confidence',
  fell: (from: string, to: string) => `confidence fell from ${from} to ${to}`,
};

export const homeLabels = {
  activeCycle: 'Active cycle',
  to: 'to',
  cycleFacts: (objectives: number, keyResults: number) => `${count.objectives(objectives)}, ${count.keyResults(keyResults)}.`,
  /** Before the active cycle's progress, where a check-in recorded a state. */
  progress: 'Progress',
  noActiveCycle: 'No cycle is active.',
  allCycles: 'See all cycles',
  attentionHeading: 'Needs attention',
  attentionIntro: (shown: number, total: number) =>
    shown === total
      ? `${plural(total, 'key result needs', 'key results need')} attention, most severe first.`
      : `The ${shown} most severe of ${total} key results that need attention.`,
  attentionAll: (n: number) => `All ${n} that need attention`,
  nothingNeedsAttention: 'Nothing: every key result is checked in and on track.',
  teamsHeading: 'Teams in this cycle',
  teamsCaption: 'Each team’s objectives and key results in the active cycle, and how many need attention',
  teamColumns: {
    team: 'Team',
    objectives: 'Objectives',
    keyResults: 'Key results',
    warning: 'With a warning',
    confidence: 'Low or falling confidence',
  },
  noTeam: 'No contributing team',
  yoursHeading: 'Your way in',
  yours: {
    team: 'Your team: pick it in the table above, or browse',
    teams: 'all teams',
    people: 'Your key results: find yourself on',
    peopleLink: 'People',
    ownership: 'or choose yourself as owner on',
    ownershipLink: 'Ownership',
    alignment: 'How the objectives fit together:',
    alignmentLink: 'Alignment',
  },
};

export const alignmentLabels = {
  title: 'Alignment',
  cycleTitle: (cycle: string) => `Alignment in ${cycle}`,
  intro:
    'The cycle’s objectives as a tree: each umbrella objective with the objectives that name it as parent, down to their key results, with owners and progress. Open an objective to see what aligns to it.',
  alignsElsewhere: (title: string, cycle: string) => `aligns to ${title} (${cycle})`,
  noObjectives: 'This cycle has no objectives.',
  noCycle: 'No cycle is active, so there is nothing to align yet.',
  owner: 'owner',
  keyResultsHeading: 'Key results',
  cycles: 'Alignment by cycle',
  active: 'active',
};

export const objectivesLabels = {
  umbrella: (children: number) => `none (umbrella of ${count.objectives(children)})`,
};

