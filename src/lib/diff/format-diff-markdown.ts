import type { ConfidencePoint, HandbookDiff, KeyResultSummary, ObjectiveSummary, OwnerChange, PersonRef, RefSummary, StatePoint } from './diff-handbooks.js';
import { code, escapeMessage, escapeText } from './escape-markdown.js';

export const NO_CHANGES = 'No changes to objectives, key results or ownership.';

/** Lines per section, and characters in all, that fit a pull-request comment (GitHub takes 65 536). */
const MAX_LINES = 60;
const MAX_CHARACTERS = 60_000;
const MORE = (count: number) => `- … and ${count} more: \`--format json\` lists everything.`;

/**
 * The diff as a pull-request comment: a heading, then one short section per
 * kind of change that has any. Every value from a file is escaped.
 */
export function formatDiffMarkdown(diff: HandbookDiff): string {
  const lines: string[] = ['### Ownership changes', '', `Handbook ${code(diff.content)} at ${refText(diff.base, 'does not exist yet')} → ${refText(diff.head, 'does not exist any more')}.`];
  const section = (title: string, body: string[]) => {
    if (body.length === 0) return;
    const shown = body.length > MAX_LINES ? [...body.slice(0, MAX_LINES), '', MORE(body.length - MAX_LINES)] : body;
    lines.push('', `#### ${title}`, '', ...shown);
  };

  section('Owners', ownerLines(diff.ownerChanges));
  section('Sponsors', diff.sponsorChanges.map((s) => `- Objective ${entity(s.objective, s.title)}: ${person(s.from, 'no sponsor')} → ${person(s.to, 'no sponsor')}`));
  // Key results of an added or removed objective are listed under it.
  const withObjective = (objectives: readonly ObjectiveSummary[], keyResults: readonly KeyResultSummary[]) => {
    const ids = new Set(objectives.map((o) => o.id));
    return { nested: keyResults.filter((kr) => ids.has(kr.objective)), alone: keyResults.filter((kr) => !ids.has(kr.objective)) };
  };
  const added = withObjective(diff.objectives.added, diff.keyResults.added);
  const removed = withObjective(diff.objectives.removed, diff.keyResults.removed);
  section('Objectives', [
    ...diff.objectives.added.flatMap((o) => [`- Added ${objectiveText(o)}`, ...nestedKeyResults(o, added.nested)]),
    ...diff.objectives.removed.flatMap((o) => [`- Removed ${objectiveText(o)}`, ...nestedKeyResults(o, removed.nested)]),
  ]);
  section('Key results', [
    ...added.alone.map((kr) => `- Added ${keyResultText(kr)}`),
    ...removed.alone.map((kr) => `- Removed ${keyResultText(kr)}`),
    ...diff.keyResults.moved.map((kr) => `- Moved ${entity(kr.id, kr.title)} from objective ${code(kr.from)} to ${code(kr.to)}`),
  ]);
  section('Confidence since the last review', confidenceLines(diff));
  section('Levels reached and milestones done', stateLines(diff));

  const nothing =
    diff.ownerChanges.length + diff.sponsorChanges.length + diff.confidenceMoves.length + diff.stateMoves.length === 0 &&
    Object.values(diff.objectives).every((list) => list.length === 0) &&
    Object.values(diff.keyResults).every((list) => list.length === 0);
  if (nothing) lines.push('', NO_CHANGES);

  if (diff.notCompared.length > 0) {
    lines.push('', `Not compared, because their fields could not all be read on one side (see the problems): ${diff.notCompared.map(code).join(', ')}.`);
  }
  const { introduced, fixed } = diff.problems;
  const fixedText = fixed === 0 ? '' : ` ${fixed} ${fixed === 1 ? 'problem' : 'problems'} fixed.`;
  if (introduced.length > 0) {
    section(`New validation problems (${introduced.length})`, [
      ...introduced.map((p) => `- ${code(`${p.file}:${p.line}`)} **${p.severity === 'error' ? 'error' : 'warning'}** ${code(p.rule)}: ${escapeMessage(p.message)}${p.hint ? ` Fix: ${escapeMessage(p.hint)}` : ''}`),
    ]);
    if (fixedText) lines.push('', fixedText.trim());
  } else {
    lines.push('', `No new validation problems.${fixedText}`);
  }
  const text = `${lines.join('\n')}\n`;
  if (text.length <= MAX_CHARACTERS) return text;
  const cut = text.lastIndexOf('\n', MAX_CHARACTERS - 200);
  return `${text.slice(0, cut)}\n\n… cut to fit a pull-request comment: \`--format json\` gives everything.\n`;
}

function refText(ref: RefSummary, absent: string): string {
  const text = `${code(ref.ref)} (${ref.commit.slice(0, 7)})`;
  return ref.contentFound ? text : `${text}, where it ${absent}`;
}

function ownerLines(changes: readonly OwnerChange[]): string[] {
  if (changes.length === 0) return [];
  return [
    '| | id | title | owner | accepted |',
    '|---|---|---|---|---|',
    ...changes.map((c) => {
      const kind = c.entity === 'objective' ? 'objective' : 'key result';
      const owner = c.change === 'owner' ? `${person(c.from, 'no owner')} → ${person(c.to, 'no owner')}` : `${person(c.to, 'no owner')} (unchanged)`;
      return `| ${kind} | ${code(c.id)} | ${title(c.title)} | ${owner} | ${acceptedText(c)} |`;
    }),
  ];
}

function acceptedText(change: OwnerChange): string {
  const { accepted, acceptedBefore } = change;
  if (change.change === 'accepted') {
    return accepted === null ? `**not accepted any more** (was ${acceptedBefore})` : `${acceptedBefore ?? 'not accepted'} → ${accepted}`;
  }
  if (change.to === null) return '—';
  if (accepted === null) return '**not accepted yet**';
  // The date the previous owner accepted on says nothing about the new owner.
  if (accepted === acceptedBefore) return `${accepted}, **unchanged from the previous owner**: has the new owner accepted?`;
  return accepted;
}

function confidenceLines(diff: HandbookDiff): string[] {
  if (diff.confidenceMoves.length === 0) return [];
  const arrows = { up: '↑', down: '↓', first: 'first check-in', cleared: 'no check-in left' };
  return [
    '| key result | before | now | |',
    '|---|---|---|---|',
    ...diff.confidenceMoves.map((m) => `| ${entity(m.keyResult, m.title)} | ${confidenceText(m.from)} | ${confidenceText(m.to)} | ${arrows[m.direction]} |`),
  ];
}

function stateLines(diff: HandbookDiff): string[] {
  if (diff.stateMoves.length === 0) return [];
  const arrows = { up: '↑', down: '↓', first: 'first state recorded', cleared: 'no state left' };
  return [
    '| key result | before | now | |',
    '|---|---|---|---|',
    ...diff.stateMoves.map((m) => `| ${entity(m.keyResult, m.title)} | ${stateText(m.from)} | ${stateText(m.to)} | ${arrows[m.direction]} |`),
  ];
}

function stateText(point: StatePoint | null): string {
  return point === null ? '—' : `${point.state} (${code(point.review)}, ${point.date})`;
}

function confidenceText(point: ConfidencePoint | null): string {
  return point === null ? '—' : `${point.confidence} (${code(point.review)}, ${point.date})`;
}

function objectiveText(o: ObjectiveSummary): string {
  const facts = [o.cycle === null ? undefined : `cycle ${code(o.cycle)}`, `owner ${person(o.owner, 'none')}`].filter(Boolean);
  return `${entity(o.id, o.title)} (${facts.join(', ')})`;
}

function nestedKeyResults(objective: ObjectiveSummary, keyResults: readonly KeyResultSummary[]): string[] {
  return keyResults.filter((kr) => kr.objective === objective.id).map((kr) => `  - key result ${entity(kr.id, kr.title)} (owner ${person(kr.owner, 'none')})`);
}

function keyResultText(kr: KeyResultSummary): string {
  return `${entity(kr.id, kr.title)} (objective ${code(kr.objective)}, owner ${person(kr.owner, 'none')})`;
}

function entity(id: string, text: string | null): string {
  return text === null ? code(id) : `${code(id)} ${title(text)}`;
}

function title(text: string | null): string {
  return text === null ? '—' : `“${escapeText(text)}”`;
}

/** A person by name and id; a value that names nobody in the handbook says so. */
function person(ref: PersonRef | null, none: string): string {
  if (ref === null) return `*${none}*`;
  return ref.name === null ? `${code(ref.id)} (not a person in the handbook)` : `${escapeText(ref.name)} (${code(ref.id)})`;
}
