import type { Language } from '../schema/branding.js';
import type { PathSegment } from '../problem.js';
import type { CycleData } from '../schema/cycle.js';
import type { LevelProgressData } from '../schema/handbook-settings.js';
import type { InitiativeData, LevelsData, MetricData } from '../schema/objective.js';
import type { LevelReached } from '../schema/review.js';

/**
 * The one resolved model of a handbook. Validation builds it once; the site,
 * the search index and `handbook.json` all read it, and nothing re-parses a
 * file. References are objects, lists are sorted, derived figures
 * (progress, latest confidence, scores) are computed here.
 */
export interface Handbook {
  settings: Settings;
  cycles: Cycle[];
  teams: Team[];
  people: Person[];
  objectives: Objective[];
  keyResults: KeyResult[];
  reviews: Review[];
  glossary: GlossaryTerm[];
  /** The active cycle (the latest-starting one if several are active). */
  activeCycle?: Cycle;
}

export interface Settings {
  title: string;
  organization: string;
  editUrl?: string;
  /** The date time-based rules measure from. */
  asOf: string;
  confidence: { min: number; max: number };
  /** The progress each level of an ordinal key result counts as (`fail` is 0). */
  levelProgress: LevelProgressData;
  /** The site's interface language. */
  language: Language;
  /** The name in the header (`siteName`, else `title`). */
  siteName: string;
  /** Only when its file passed the checks; `src` is relative to the content folder. */
  logo?: { src: string; alt?: string; replacesTitle: boolean };
  /** Only when its file passed the checks. */
  favicon?: string;
  /** Accent colours per scheme, defaults filled in. */
  accent: { light: string; dark: string };
  footerLinks: { label: string; href: string }[];
  /** Stylesheets that passed the checks, in order. */
  customCss: string[];
}

/** Where an entity's data comes from, for diagnostics and edit links. */
export interface Source {
  /** Path relative to the content folder, with `/` separators. */
  file: string;
  /** Path of the entity's mapping inside the front matter; shared between entities, never changed. */
  path: readonly PathSegment[];
}

/** A file-backed entity with a Markdown (or, in the glossary, MDX) body. */
export interface Document {
  id: string;
  source: Source;
  /** The Markdown body, unrendered. */
  body: string;
  /** 1-based line of the file on which the body starts. */
  bodyLine: number;
}

export interface Cycle extends Document {
  title: string;
  start: string;
  end: string;
  status: CycleData['status'];
  objectives: Objective[];
  reviews: Review[];
  /** Mean retrospective score of the cycle's key results, when any are scored. */
  averageScore?: number;
  /** Mean progress (0-1) of its objectives that have progress; none when no key result has a recorded value. */
  progress?: number;
}

export interface Team extends Document {
  name: string;
  lead?: Person;
  parent?: Team;
  children: Team[];
  members: Person[];
  /** Objectives the team contributes to. */
  objectives: Objective[];
}

export interface Person extends Document {
  name: string;
  role?: string;
  team?: Team;
  manager?: Person;
  reports: Person[];
  email?: string;
  left?: string;
  owns: { objectives: Objective[]; keyResults: KeyResult[]; initiatives: Initiative[] };
  sponsors: Objective[];
  facilitates: Review[];
}

export interface Objective extends Document {
  title: string;
  cycle: Cycle;
  owner: Person;
  accepted?: string;
  team?: Team;
  sponsor?: Person;
  parent?: Objective;
  children: Objective[];
  dependsOn: (Objective | KeyResult)[];
  dependedOnBy: Objective[];
  keyResults: KeyResult[];
  /** Mean progress (0-1) of its key results, or of its children for an umbrella objective. */
  progress?: number;
}

export interface Initiative {
  title: string;
  owner: Person;
  status: InitiativeData['status'];
  keyResult: KeyResult;
  source: Source;
}

export interface CheckIn {
  keyResult: KeyResult;
  review: Review;
  date: string;
  confidence: number;
  /** A metric key result's value. */
  value?: number;
  /** The level an ordinal key result has reached. */
  level?: LevelReached;
  /** Whether a milestone key result is done. */
  done?: boolean;
  note?: string;
  source: Source;
}

export interface Score {
  keyResult: KeyResult;
  review: Review;
  score: number;
  note?: string;
  source: Source;
}

export interface KeyResult {
  id: string;
  objective: Objective;
  title: string;
  owner: Person;
  accepted?: string;
  /** How it is measured: a number (`metric`), levels in words (`ordinal`), done or not (`milestone`); none for a draft that names no kind. */
  kind?: KeyResultKind;
  metric?: MetricData;
  /** An ordinal key result's levels, in words. */
  levels?: LevelsData;
  initiatives: Initiative[];
  /** Check-ins in date order. */
  checkIns: CheckIn[];
  latestCheckIn?: CheckIn;
  /** Latest value from check-ins, else the baseline. */
  currentValue?: number;
  /** An ordinal key result's latest level from check-ins. */
  currentLevel?: LevelReached;
  /** The day a milestone key result was done (the date of the check-in that recorded `done: true`). */
  doneOn?: string;
  /**
   * 0-1, only where a check-in recorded the kind's state: metric, how far the
   * latest value has moved from baseline to target (clamped); ordinal, the
   * latest level's share from `levelProgress`; milestone, 1 when done, else 0.
   */
  progress?: number;
  /** The retrospective score, for a closed cycle. */
  score?: Score;
  /** Objectives that name this key result in `dependsOn`. */
  dependedOnBy: Objective[];
  source: Source;
}

export type KeyResultKind = 'metric' | 'ordinal' | 'milestone';

export interface Review extends Document {
  date: string;
  kind: 'check-in' | 'retrospective';
  facilitator?: Person;
  /** The cycle of the key results it mentions (the first one's, if they differ). */
  cycle?: Cycle;
  updates: CheckIn[];
  scores: Score[];
  decisions: string[];
}

export interface GlossaryTerm extends Document {
  term: string;
  summary: string;
  synonyms: string[];
  related: GlossaryTerm[];
  takeaways: string[];
  format: 'md' | 'mdx';
  /** Ids of the validation rules that exist because of this term. */
  rules: string[];
}
