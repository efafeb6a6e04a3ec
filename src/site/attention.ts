import type { Cycle, KeyResult, Objective, Settings, Team } from '../lib/model/handbook.js';
import { formatConfidence } from './format.js';
import { getSiteModel, type SiteModel } from './handbook.js';
import { ENGLISH, type Ui } from './i18n/index.js';
import { byName, compareText } from './order.js';

type Warning = SiteModel['warnings'][number];

/** Below this share of the confidence scale a confidence counts as low (the bottom third-and-a-bit, as the badges colour it). */
const LOW_SHARE = 0.4;

/** What is worrying about one key result, from the model and from validation. */
export interface Concerns {
  keyResult: KeyResult;
  /** Validation warnings about it, by line. */
  warnings: Warning[];
  /** Confidence fell at the latest check-in. */
  fell?: { from: number; to: number };
  /** The latest confidence is in the bottom of the scale. */
  low: boolean;
  /** Where the latest confidence sits on the scale, 0-1; undefined without a check-in. */
  position?: number;
}

export interface AttentionItem {
  keyResult: KeyResult;
  reason: string;
}

/** The validation warnings of the model by key-result id, sorted by line: built once, read by every page. */
export function warningsByKeyResult(warnings: readonly Warning[]): Map<string, Warning[]> {
  const index = new Map<string, Warning[]>();
  for (const warning of warnings) {
    if (warning.keyResult === undefined) continue;
    const list = index.get(warning.keyResult);
    if (list) list.push(warning);
    else index.set(warning.keyResult, [warning]);
  }
  for (const list of index.values()) {
    list.sort((a, b) => a.line - b.line || compareText(a.rule, b.rule) || compareText(a.message, b.message));
  }
  return index;
}

let cached: { warnings: readonly Warning[]; index: Map<string, Warning[]> } | undefined;

/** `warningsByKeyResult` of the site model, computed once per model. */
export function siteWarningIndex(): Map<string, Warning[]> {
  const { warnings } = getSiteModel();
  if (cached?.warnings !== warnings) cached = { warnings, index: warningsByKeyResult(warnings) };
  return cached.index;
}

/** The concerns about one key result. */
export function assessKeyResult(keyResult: KeyResult, warnings: readonly Warning[], scale: Settings['confidence']): Concerns {
  const checkIns = keyResult.checkIns;
  const latest = keyResult.latestCheckIn;
  const previous = checkIns.length >= 2 ? checkIns[checkIns.length - 2] : undefined;
  const position = latest ? (latest.confidence - scale.min) / (scale.max - scale.min) : undefined;
  const concerns: Concerns = { keyResult, warnings: [...warnings], low: position !== undefined && position < LOW_SHARE };
  if (position !== undefined) concerns.position = position;
  if (latest && previous && latest.confidence < previous.confidence) concerns.fell = { from: previous.confidence, to: latest.confidence };
  return concerns;
}

export function needsAttentionNow(concerns: Concerns): boolean {
  return concerns.warnings.length > 0 || concerns.fell !== undefined || concerns.low;
}

export function hasConfidenceConcern(concerns: Concerns): boolean {
  return concerns.fell !== undefined || concerns.low;
}

/** The reasons, in words: `stale check-in; confidence fell from 0.70 to 0.50`; confidences as `scale` writes them. */
export function describeConcerns(concerns: Concerns, scale: Settings['confidence'] = { min: 0, max: 1 }, ui: Ui = ENGLISH): string {
  const reasons = concerns.warnings.map((warning) => (warning.rule === 'confidence-stale' ? ui.t('attention.stale') : warning.rule));
  if (concerns.fell) reasons.push(ui.t('attention.fell', { from: formatConfidence(concerns.fell.from, scale, ui), to: formatConfidence(concerns.fell.to, scale, ui) }));
  else if (concerns.low) reasons.push(ui.t('attention.low'));
  return reasons.join('; ');
}

/**
 * Most severe first: more validation warnings, then more confidence concerns
 * (low and falling counts twice), then a larger fall measured on the scale,
 * then a lower confidence; ties by title and id so the order never changes.
 */
export function bySeverity(scale: Settings['confidence']) {
  const range = scale.max - scale.min;
  const confidenceConcerns = (c: Concerns) => (c.fell ? 1 : 0) + (c.low ? 1 : 0);
  const fall = (c: Concerns) => (c.fell ? (c.fell.from - c.fell.to) / range : 0);
  return (a: Concerns, b: Concerns): number =>
    b.warnings.length - a.warnings.length ||
    confidenceConcerns(b) - confidenceConcerns(a) ||
    fall(b) - fall(a) ||
    (a.position ?? 1) - (b.position ?? 1) ||
    compareText(a.keyResult.title, b.keyResult.title) ||
    compareText(a.keyResult.id, b.keyResult.id);
}

/** The concerns about every key result of a cycle, in the cycle's objective order. */
export function assessCycle(cycle: Cycle, index: Map<string, Warning[]> = siteWarningIndex()): Concerns[] {
  const scale = getSiteModel().handbook.settings.confidence;
  return cycle.objectives.flatMap((objective) => objective.keyResults.map((keyResult) => assessKeyResult(keyResult, index.get(keyResult.id) ?? [], scale)));
}

/** The key results of a cycle that need attention, most severe first, one line each with every reason on it. */
export function needsAttention(cycle: Cycle, ui: Ui = ENGLISH): AttentionItem[] {
  const scale = getSiteModel().handbook.settings.confidence;
  return assessCycle(cycle)
    .filter(needsAttentionNow)
    .sort(bySeverity(scale))
    .map((concerns) => ({ keyResult: concerns.keyResult, reason: describeConcerns(concerns, scale, ui) }));
}

export interface TeamSummary {
  /** Undefined for the objectives no team contributes to. */
  team?: Team;
  /** How deep the team sits under the top-level teams shown, for indenting. */
  depth: number;
  /** Counted over the team and its sub-teams, as the team filter of the ownership page narrows. */
  objectives: number;
  keyResults: number;
  withWarning: number;
  lowOrFalling: number;
}

/**
 * One row per team that contributes to an objective of the cycle, and each
 * team above such a team, in the team tree's order (a parent before its
 * sub-teams, siblings by name); each counts its own and its sub-teams'
 * objectives. The objectives no team contributes to come last.
 */
export function summarizeTeams(objectives: readonly Objective[], concerns: readonly Concerns[]): TeamSummary[] {
  const byKeyResult = new Map(concerns.map((c) => [c.keyResult, c]));
  const totals = new Map<Team | undefined, TeamSummary>();
  for (const objective of objectives) {
    const lineage: (Team | undefined)[] = [];
    for (let t = objective.team; t && !lineage.includes(t); t = t.parent) lineage.push(t);
    if (lineage.length === 0) lineage.push(undefined);
    const found = objective.keyResults.map((kr) => byKeyResult.get(kr)).filter((c): c is Concerns => c !== undefined);
    for (const team of lineage) {
      let row = totals.get(team);
      if (!row) {
        row = { ...(team ? { team } : {}), depth: 0, objectives: 0, keyResults: 0, withWarning: 0, lowOrFalling: 0 };
        totals.set(team, row);
      }
      row.objectives += 1;
      row.keyResults += objective.keyResults.length;
      row.withWarning += found.filter((c) => c.warnings.length > 0).length;
      row.lowOrFalling += found.filter(hasConfidenceConcern).length;
    }
  }
  const rows: TeamSummary[] = [];
  const visit = (team: Team, depth: number) => {
    const row = totals.get(team);
    if (!row || rows.includes(row)) return;
    row.depth = depth;
    rows.push(row);
    for (const child of [...team.children].sort(byName)) visit(child, depth + 1);
  };
  const teams = [...totals.keys()].filter((team): team is Team => team !== undefined);
  for (const root of teams.filter((team) => !team.parent || !totals.has(team.parent)).sort(byName)) visit(root, 0);
  // A team caught in a parent loop (which validation reports) has no top: list it rather than drop it.
  for (const team of teams.sort(byName)) visit(team, 0);
  const none = totals.get(undefined);
  if (none) rows.push(none);
  return rows;
}
