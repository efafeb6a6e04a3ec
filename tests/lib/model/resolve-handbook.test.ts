import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkHandbook, type CheckResult } from '../../../src/lib/check-handbook.js';
import type { Handbook, KeyResult, Objective, Person } from '../../../src/lib/model/handbook.js';
import { RULES } from '../../../src/lib/rules/index.js';
import { DEMO_HANDBOOK } from '../../helpers/demo-handbook.js';
import { BASE_HANDBOOK, checkFiles, edit, located } from '../../helpers/fixture-handbook.js';

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
const sortedIds = (items: readonly { id: string }[]) => ids(items).sort();
const byId = <T extends { id: string }>(items: readonly T[], id: string): T => {
  const found = items.find((item) => item.id === id);
  if (!found) throw new Error(`no ${id} in [${ids(items).join(', ')}]`);
  return found;
};
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

// ---------------------------------------------------------------------------
// The base fixture, extended with more check-ins and an umbrella objective.
// ---------------------------------------------------------------------------

/** The numbers the extended fixture is written from; expected figures are computed from them. */
const RETENTION = { baseline: 60, target: 70, values: { '2026-08-03': 61, '2026-08-17': 64 } } as const;
const CHURN = { baseline: 5, target: 3, value: 4 } as const;
const EXPANSION = { baseline: 10, target: 20, value: 25 } as const;

const OBJECTIVE = 'objectives/2026-q3/retention.md';
const CHECK_IN = 'reviews/2026-q3/week-33.md';

const EXTENDED: Record<string, string> = {
  // The base already has q3-retention at 60 → 70 and its 2026-08-17 check-in at 64.
  [OBJECTIVE]: BASE_HANDBOOK[OBJECTIVE]!.replace('sponsor: sam-okafor\n', 'sponsor: sam-okafor\nparent: company\n').replace(
    '    accepted: 2026-06-27\n',
    `    accepted: 2026-06-27\n    metric: { baseline: ${CHURN.baseline}, target: ${CHURN.target}, unit: "%" }\n`,
  ),
  // An umbrella: no key results of its own, named as parent by two objectives.
  'objectives/2026-q3/company.md': `---
title: Grow efficiently
cycle: 2026-q3
owner: sam-okafor
accepted: 2026-06-20
keyResults: []
---
`,
  'objectives/2026-q3/expansion.md': `---
title: Grow existing accounts
cycle: 2026-q3
owner: priya-shah
accepted: 2026-06-26
sponsor: sam-okafor
parent: company
keyResults:
  - id: q3-expansion
    title: Raise expansion revenue from 10k to 20k
    owner: sam-okafor
    accepted: 2026-06-26
    metric: { baseline: ${EXPANSION.baseline}, target: ${EXPANSION.target}, unit: k }
---
`,
  // File names sort against the dates, so date order cannot come from the file order.
  'reviews/2026-q3/a-week-34.md': `---
date: 2026-08-19
kind: check-in
facilitator: sam-okafor
updates:
  - kr: q3-retention
    confidence: 0.7
    note: No new number this week.
  - kr: q3-churn
    confidence: 0.6
    value: ${CHURN.value}
  - kr: q3-expansion
    confidence: 0.9
    value: ${EXPANSION.value}
---
`,
  'reviews/2026-q3/z-week-31.md': `---
date: 2026-08-03
kind: check-in
facilitator: sam-okafor
updates:
  - kr: q3-retention
    confidence: 0.5
    value: ${RETENTION.values['2026-08-03']}
---
`,
};

describe('the resolved model of the base fixture', () => {
  let result: CheckResult;
  let handbook: Handbook;
  beforeAll(async () => {
    result = await checkFiles(EXTENDED);
    handbook = result.handbook;
  });

  it('validates cleanly', () => {
    expect(located(result.diagnostics)).toEqual([]);
    expect(ids(handbook.objectives)).toEqual(['activation', 'company', 'expansion', 'retention']);
  });

  it('keeps the metric as written', () => {
    expect(byId(handbook.keyResults, 'q3-retention').metric).toEqual({ baseline: RETENTION.baseline, target: RETENTION.target, unit: '%' });
  });

  it('puts a key result’s check-ins in date order, whatever the file order', () => {
    const retention = byId(handbook.keyResults, 'q3-retention');
    expect(retention.checkIns.map((checkIn) => checkIn.date)).toEqual(['2026-08-03', '2026-08-17', '2026-08-19']);
    expect(retention.checkIns.map((checkIn) => checkIn.review.id)).toEqual(['z-week-31', 'week-33', 'a-week-34']);
    expect(retention.checkIns.map((checkIn) => checkIn.value)).toEqual([RETENTION.values['2026-08-03'], RETENTION.values['2026-08-17'], undefined]);
    expect(byId(handbook.keyResults, 'q3-churn').checkIns.map((checkIn) => checkIn.date)).toEqual(['2026-08-17', '2026-08-19']);
  });

  it('takes the latest check-in as latestCheckIn, and the latest value given as the current value', () => {
    const retention = byId(handbook.keyResults, 'q3-retention');
    expect(retention.latestCheckIn).toBe(retention.checkIns[2]);
    expect(retention.latestCheckIn?.date).toBe('2026-08-19');
    expect(retention.latestCheckIn?.confidence).toBe(0.7);
    // The latest check-in gave no value: the one before it stands.
    expect(retention.currentValue).toBe(RETENTION.values['2026-08-17']);
  });

  it('measures progress from baseline through the current value to the target', () => {
    const retention = byId(handbook.keyResults, 'q3-retention');
    const churn = byId(handbook.keyResults, 'q3-churn');
    const expansion = byId(handbook.keyResults, 'q3-expansion');
    expect(retention.progress).toBeCloseTo((RETENTION.values['2026-08-17'] - RETENTION.baseline) / (RETENTION.target - RETENTION.baseline), 10);
    // A metric that should fall: 5% → 3%, now 4%.
    expect(churn.progress).toBeCloseTo((CHURN.value - CHURN.baseline) / (CHURN.target - CHURN.baseline), 10);
    // Past the target: clamped.
    expect(expansion.progress).toBe(clamp01((EXPANSION.value - EXPANSION.baseline) / (EXPANSION.target - EXPANSION.baseline)));
    expect(expansion.progress).toBe(1);
  });

  it('averages an objective’s progress over its key results', () => {
    const retention = byId(handbook.objectives, 'retention');
    expect(retention.progress).toBeCloseTo(mean([byId(handbook.keyResults, 'q3-retention').progress!, byId(handbook.keyResults, 'q3-churn').progress!]), 10);
  });

  it('gives an umbrella objective its children’s mean progress', () => {
    const company = byId(handbook.objectives, 'company');
    expect(company.keyResults).toEqual([]);
    expect(sortedIds(company.children)).toEqual(['expansion', 'retention']);
    expect(byId(handbook.objectives, 'retention').parent).toBe(company);
    const retention = mean([
      (RETENTION.values['2026-08-17'] - RETENTION.baseline) / (RETENTION.target - RETENTION.baseline),
      (CHURN.value - CHURN.baseline) / (CHURN.target - CHURN.baseline),
    ]);
    const expansion = clamp01((EXPANSION.value - EXPANSION.baseline) / (EXPANSION.target - EXPANSION.baseline));
    expect(company.progress).toBeCloseTo(mean([retention, expansion]), 10);
  });

  it('lists what each person owns', () => {
    const owns = (id: string) => {
      const { objectives, keyResults, initiatives } = byId(handbook.people, id).owns;
      return { objectives: sortedIds(objectives), keyResults: sortedIds(keyResults), initiatives: initiatives.map((i) => i.title) };
    };
    expect(owns('priya-shah')).toEqual({ objectives: ['activation', 'expansion', 'retention'], keyResults: [], initiatives: [] });
    expect(owns('lee-wong')).toEqual({ objectives: [], keyResults: ['q2-activation', 'q3-retention'], initiatives: ['Rewrite the onboarding checklist'] });
    expect(owns('sam-okafor')).toEqual({ objectives: ['company'], keyResults: ['q3-churn', 'q3-expansion'], initiatives: [] });
    const initiative = byId(handbook.people, 'lee-wong').owns.initiatives[0]!;
    expect(initiative.keyResult).toBe(byId(handbook.keyResults, 'q3-retention'));
    expect(initiative.status).toBe('active');
  });

  it('lists the objectives each person sponsors', () => {
    expect(sortedIds(byId(handbook.people, 'sam-okafor').sponsors)).toEqual(['expansion', 'retention']);
    expect(byId(handbook.people, 'priya-shah').sponsors).toEqual([]);
    expect(byId(handbook.objectives, 'retention').sponsor).toBe(byId(handbook.people, 'sam-okafor'));
    expect(byId(handbook.objectives, 'company').sponsor).toBeUndefined();
  });

  it('lists the reviews each person facilitates', () => {
    expect(sortedIds(byId(handbook.people, 'priya-shah').facilitates)).toEqual(['2026-q2-retrospective', 'week-33']);
    expect(sortedIds(byId(handbook.people, 'sam-okafor').facilitates)).toEqual(['a-week-34', 'z-week-31']);
    expect(byId(handbook.people, 'lee-wong').facilitates).toEqual([]);
    expect(byId(handbook.reviews, 'week-33').facilitator).toBe(byId(handbook.people, 'priya-shah'));
  });

  it('links managers and their reports both ways', () => {
    const priya = byId(handbook.people, 'priya-shah');
    const lee = byId(handbook.people, 'lee-wong');
    expect(lee.manager).toBe(priya);
    expect(priya.reports).toEqual([lee]);
    expect(priya.manager).toBeUndefined();
    expect(byId(handbook.people, 'sam-okafor').reports).toEqual([]);
  });

  it('lists a team’s members, lead and objectives', () => {
    const growth = byId(handbook.teams, 'growth');
    expect(sortedIds(growth.members)).toEqual(['lee-wong', 'priya-shah']);
    expect(growth.lead).toBe(byId(handbook.people, 'priya-shah'));
    expect(ids(growth.objectives)).toEqual(['retention']);
    expect(byId(handbook.people, 'lee-wong').team).toBe(growth);
    expect(byId(handbook.people, 'sam-okafor').team).toBeUndefined();
  });

  it('lists the rules that name a glossary term', () => {
    const rules = byId(handbook.glossary, 'okr-owner').rules;
    expect(rules).toContain('owner-required');
    expect(rules).toEqual(RULES.filter((rule) => rule.term === 'okr-owner').map((rule) => rule.id));
  });

  it('links references as the same objects, both ways', () => {
    const retention = byId(handbook.keyResults, 'q3-retention');
    expect(retention.objective).toBe(byId(handbook.objectives, 'retention'));
    expect(retention.objective.cycle).toBe(byId(handbook.cycles, '2026-q3'));
    expect(byId(handbook.cycles, '2026-q3').objectives).toContain(retention.objective);
    const review = byId(handbook.reviews, 'week-33');
    expect(review.updates.map((checkIn) => checkIn.keyResult.id)).toEqual(['q3-retention', 'q3-churn']);
    expect(review.updates[0]!.review).toBe(review);
    expect(retention.checkIns).toContain(review.updates[0]);
    expect(review.cycle).toBe(byId(handbook.cycles, '2026-q3'));
  });

  it('attaches retrospective scores and averages them per cycle', () => {
    const scored = byId(handbook.keyResults, 'q2-activation');
    expect(scored.score?.score).toBe(0.8);
    expect(scored.score?.review).toBe(byId(handbook.reviews, '2026-q2-retrospective'));
    expect(byId(handbook.cycles, '2026-q2').averageScore).toBe(0.8);
    expect(byId(handbook.cycles, '2026-q3').averageScore).toBeUndefined();
  });

  it('sorts cycles by start and reviews by date, and knows the active cycle', () => {
    expect(ids(handbook.cycles)).toEqual(['2026-q2', '2026-q3']);
    expect(handbook.reviews.map((review) => review.date)).toEqual(['2026-06-30', '2026-08-03', '2026-08-17', '2026-08-19']);
    expect(handbook.activeCycle).toBe(byId(handbook.cycles, '2026-q3'));
  });
});

describe('progress at the edges', () => {
  it.each([
    [RETENTION.baseline - 5, 0],
    [RETENTION.baseline, 0],
    [RETENTION.baseline + 7, 7 / (RETENTION.target - RETENTION.baseline)],
    [RETENTION.target, 1],
    [RETENTION.target + 5, 1],
  ])('a value of %s is progress %s', async (value, progress) => {
    const { handbook, diagnostics } = await checkFiles(edit(CHECK_IN, 'value: 64', `value: ${value}`));
    expect(diagnostics).toEqual([]);
    expect(byId(handbook.keyResults, 'q3-retention').progress).toBeCloseTo(progress, 10);
  });

  it('shows the baseline, and no progress (not a made-up 0 %), while no check-in gives a value', async () => {
    const { handbook } = await checkFiles(edit(CHECK_IN, '    value: 64\n', ''));
    const retention = byId(handbook.keyResults, 'q3-retention');
    expect(retention.currentValue).toBe(RETENTION.baseline);
    expect(retention.progress).toBeUndefined();
  });

  it('has no progress without a metric', async () => {
    const { handbook } = await checkFiles();
    expect(byId(handbook.keyResults, 'q3-churn').progress).toBeUndefined();
    expect(byId(handbook.objectives, 'retention').progress).toBeCloseTo(
      (RETENTION.values['2026-08-17'] - RETENTION.baseline) / (RETENTION.target - RETENTION.baseline),
      10,
    );
  });
});

// ---------------------------------------------------------------------------
// The demo handbook (the tests' copy), checked against its files read independently.
// ---------------------------------------------------------------------------

const CONTENT = DEMO_HANDBOOK;

type Raw = Record<string, any>;

/** Every entity file of one kind folder, its front matter parsed by `yaml` alone, by id. */
function readRaw(kind: string): Map<string, Raw> {
  const files = new Map<string, Raw>();
  for (const file of readdirSync(path.join(CONTENT, kind), { recursive: true, encoding: 'utf8' })) {
    if (!/\.mdx?$/.test(file)) continue;
    const text = readFileSync(path.join(CONTENT, kind, file), 'utf8');
    const frontMatter = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
    if (!frontMatter) throw new Error(`${kind}/${file} has no front matter`);
    files.set(path.basename(file).replace(/\.mdx?$/, ''), parse(frontMatter[1]!, { version: '1.2', schema: 'core' }) as Raw);
  }
  return files;
}

describe('the demo handbook', () => {
  let result: CheckResult;
  let handbook: Handbook;
  let raw: { people: Map<string, Raw>; objectives: Map<string, Raw>; reviews: Map<string, Raw> };
  let rawKeyResults: Map<string, Raw & { objective: string }>;
  beforeAll(async () => {
    result = await checkHandbook({ contentDir: CONTENT });
    handbook = result.handbook;
    raw = { people: readRaw('people'), objectives: readRaw('objectives'), reviews: readRaw('reviews') };
    rawKeyResults = new Map(
      [...raw.objectives].flatMap(([objective, data]) => ((data.keyResults ?? []) as Raw[]).map((kr) => [kr.id as string, { ...kr, objective }] as const)),
    );
  });

  it('validates with no errors and no warnings', () => {
    expect(result.diagnostics.map(({ file, line, rule, message }) => `${file}:${line} ${rule} ${message}`)).toEqual([]);
    expect(result.summary.errors).toBe(0);
    expect(result.summary.warnings).toBe(0);
  });

  it('resolves every entity its files declare', () => {
    expect(sortedIds(handbook.people)).toEqual([...raw.people.keys()].sort());
    expect(sortedIds(handbook.objectives)).toEqual([...raw.objectives.keys()].sort());
    expect(sortedIds(handbook.keyResults)).toEqual([...rawKeyResults.keys()].sort());
    expect(sortedIds(handbook.reviews)).toEqual([...raw.reviews.keys()].sort());
  });

  it('puts every key result’s check-ins in date order, with the latest as latestCheckIn', () => {
    const checkedIn = handbook.keyResults.filter((kr) => kr.checkIns.length > 1);
    expect(checkedIn.length).toBeGreaterThan(10);
    for (const kr of handbook.keyResults) {
      const dates = kr.checkIns.map((checkIn) => checkIn.date);
      expect(dates, kr.id).toEqual([...dates].sort());
      expect(kr.latestCheckIn, kr.id).toBe(kr.checkIns[kr.checkIns.length - 1]);
      // The same dates as the review files that mention the key result.
      const mentioned = [...raw.reviews.values()]
        .filter((review) => review.kind === 'check-in' && (review.updates as Raw[]).some((update) => update.kr === kr.id))
        .map((review) => review.date as string)
        .sort();
      expect(dates, kr.id).toEqual(mentioned);
    }
  });

  it('measures every key result’s progress from its files’ numbers', () => {
    let measured = 0;
    for (const [id, data] of rawKeyResults) {
      const kr = byId(handbook.keyResults, id);
      const updates = [...raw.reviews.values()]
        .filter((review) => review.kind === 'check-in')
        .flatMap((review) => (review.updates as Raw[]).filter((update) => update.kr === id).map((update): Raw => ({ ...update, date: review.date as string })))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
      if (data.levels) {
        // Levels: the latest level reached, at the default levelProgress.
        const levels = updates.filter((update) => update.level !== undefined);
        const level = levels[levels.length - 1]?.level as string | undefined;
        expect(kr.currentLevel, id).toBe(level);
        expect(kr.progress, id).toBe(level === undefined ? undefined : ({ fail: 0, commit: 0.3, target: 0.7, stretch: 1 } as Record<string, number>)[level]);
        measured++;
        continue;
      }
      if (data.milestone) {
        const done = updates.find((update) => update.done === true);
        expect(kr.doneOn, id).toBe(done?.date);
        expect(kr.progress, id).toBe(updates.length === 0 ? undefined : done ? 1 : 0);
        measured++;
        continue;
      }
      if (!data.metric) {
        expect(kr.progress, id).toBeUndefined();
        continue;
      }
      const values = updates.filter((update) => update.value !== undefined);
      const current = values.length > 0 ? (values[values.length - 1]!.value as number) : (data.metric.baseline as number);
      const expected = values.length > 0 ? clamp01((current - data.metric.baseline) / (data.metric.target - data.metric.baseline)) : undefined;
      expect(kr.currentValue, id).toBe(current);
      if (expected === undefined) expect(kr.progress, id).toBeUndefined();
      else expect(kr.progress, id).toBeCloseTo(expected, 10);
      measured++;
    }
    expect(measured).toBeGreaterThan(30);
  });

  it('gives an umbrella objective its children’s mean progress', () => {
    const umbrellas = [...raw.objectives]
      .filter(([id, data]) => (data.keyResults ?? []).length === 0 && [...raw.objectives.values()].some((other) => other.parent === id))
      .map(([id]) => id);
    expect(umbrellas.length).toBeGreaterThan(0);
    for (const id of umbrellas) {
      const umbrella = byId(handbook.objectives, id);
      const children = [...raw.objectives].filter(([, data]) => data.parent === id).map(([child]) => byId(handbook.objectives, child));
      expect(sortedIds(umbrella.children), id).toEqual(ids(children).sort());
      const childProgress = children.map((child) => mean(child.keyResults.map((kr) => kr.progress!)));
      expect(umbrella.progress, id).toBeCloseTo(mean(childProgress), 10);
    }
  });

  it('lists what each person owns, sponsors and facilitates, as the files say', () => {
    const initiativesOf = (personId: string) =>
      [...rawKeyResults.values()].flatMap((kr) => ((kr.initiatives ?? []) as Raw[]).filter((i) => i.owner === personId).map((i) => `${kr.id}: ${i.title}`)).sort();
    for (const person of handbook.people) {
      const id = person.id;
      expect(sortedIds(person.owns.objectives), id).toEqual([...raw.objectives].filter(([, o]) => o.owner === id).map(([o]) => o).sort());
      expect(sortedIds(person.owns.keyResults), id).toEqual([...rawKeyResults.values()].filter((kr) => kr.owner === id).map((kr) => kr.id as string).sort());
      expect(person.owns.initiatives.map((i) => `${i.keyResult.id}: ${i.title}`).sort(), id).toEqual(initiativesOf(id));
      expect(sortedIds(person.sponsors), id).toEqual([...raw.objectives].filter(([, o]) => o.sponsor === id).map(([o]) => o).sort());
      expect(sortedIds(person.facilitates), id).toEqual([...raw.reviews].filter(([, r]) => r.facilitator === id).map(([r]) => r).sort());
    }
    expect(handbook.people.some((person) => person.sponsors.length > 0)).toBe(true);
  });

  it('links managers, reports and team members as the files say', () => {
    for (const person of handbook.people) {
      const data = raw.people.get(person.id)!;
      expect(person.manager?.id, person.id).toBe(data.manager);
      expect(sortedIds(person.reports), person.id).toEqual([...raw.people].filter(([, p]) => p.manager === person.id).map(([p]) => p).sort());
      expect(person.team?.id, person.id).toBe(data.team);
    }
    for (const team of handbook.teams) {
      expect(sortedIds(team.members), team.id).toEqual([...raw.people].filter(([, p]) => p.team === team.id).map(([p]) => p).sort());
    }
    const ceo = handbook.people.find((person) => /Chief Executive Officer/.test(person.role ?? ''))!;
    expect(ceo.manager).toBeUndefined();
    expect(ceo.reports.length).toBeGreaterThan(2);
  });

  it('names, for each glossary term, the rules that exist because of it', () => {
    expect(byId(handbook.glossary, 'okr-owner').rules).toContain('owner-required');
    for (const term of handbook.glossary) {
      expect(term.rules, term.id).toEqual(RULES.filter((rule) => rule.term === term.id).map((rule) => rule.id));
    }
    // Every rule's term is in the demo glossary, so the demo site explains why each rule exists.
    for (const rule of RULES.filter((r) => r.term !== undefined)) expect(ids(handbook.glossary), rule.id).toContain(rule.term);
  });

  describe('the worked example: Day-7 activation', () => {
    const isCto = (person: Person) => /\bCTO\b|Chief Technology Officer/i.test(person.role ?? '');
    const isProductManager = (person: Person) => /^Product Manager\b/i.test(person.role ?? '');
    const activation = (cycle: string): KeyResult[] =>
      handbook.keyResults.filter((kr) => kr.objective.cycle.id === cycle && /Day-7 activation/i.test(kr.title));

    it('in 2026-q1 was owned by the CTO and scored 0.4', () => {
      const [kr, ...others] = activation('2026-q1');
      expect(others).toEqual([]);
      expect(isCto(kr!.owner)).toBe(true);
      expect(kr!.score?.score).toBe(0.4);
      expect(kr!.objective.cycle.status).toBe('closed');
    });

    it('was reframed in 2026-q2, owned by a Product Manager with the CTO as sponsor, and scored 0.8', () => {
      const [kr, ...others] = activation('2026-q2');
      expect(others).toEqual([]);
      expect(isProductManager(kr!.owner)).toBe(true);
      expect(isCto(kr!.owner)).toBe(false);
      expect(kr!.score?.score).toBe(0.8);
      const objective: Objective = kr!.objective;
      expect(objective.sponsor).toBeDefined();
      expect(isCto(objective.sponsor!)).toBe(true);
      expect(objective.owner).toBe(kr!.owner);
      // The CTO who owned it in Q1 is the sponsor now.
      expect(objective.sponsor).toBe(activation('2026-q1')[0]!.owner);
    });
  });
});
