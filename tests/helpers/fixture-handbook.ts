import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { checkHandbook, type CheckResult } from '../../src/lib/check-handbook.js';
import type { Diagnostic } from '../../src/lib/problem.js';

/**
 * A small valid handbook: one closed cycle with its retrospective, one
 * active cycle with a recent check-in. Tests break one file of it at a time.
 */
export const BASE_HANDBOOK: Readonly<Record<string, string>> = {
  'handbook.yaml': `title: Test Handbook
organization: Testco
asOf: 2026-08-20
`,
  'cycles/2026-q2.md': `---
title: 2026 Q2
start: 2026-04-01
end: 2026-06-30
status: closed
---
The second quarter.
`,
  'cycles/2026-q3.md': `---
title: 2026 Q3
start: 2026-07-01
end: 2026-09-30
status: active
---
`,
  'teams/growth.md': `---
name: Growth
lead: priya-shah
---
`,
  'people/priya-shah.md': `---
name: Priya Shah
role: Growth Lead
team: growth
---
`,
  'people/lee-wong.md': `---
name: Lee Wong
role: Product Manager
team: growth
manager: priya-shah
---
`,
  'people/sam-okafor.md': `---
name: Sam Okafor
role: CTO
---
`,
  'objectives/2026-q2/activation.md': `---
title: Make new users successful
cycle: 2026-q2
owner: priya-shah
accepted: 2026-03-28
keyResults:
  - id: q2-activation
    title: Move Day-7 activation from 32% to 55%
    owner: lee-wong
    accepted: 2026-03-28
    metric: { baseline: 32, target: 55, unit: "%" }
---
Why it matters.
`,
  'objectives/2026-q3/retention.md': `---
title: Keep the customers we win
cycle: 2026-q3
team: growth
owner: priya-shah
accepted: 2026-06-26
sponsor: sam-okafor
keyResults:
  - id: q3-retention
    title: Raise 90-day retention from 60% to 70%
    owner: lee-wong
    accepted: 2026-06-26
    metric: { baseline: 60, target: 70, unit: "%" }
    initiatives:
      - title: Rewrite the onboarding checklist
        owner: lee-wong
        status: active
  - id: q3-churn
    title: Cut churn from 5% to 3%
    owner: sam-okafor
    accepted: 2026-06-27
---
`,
  'reviews/2026-q2-retrospective.md': `---
date: 2026-06-30
kind: retrospective
facilitator: priya-shah
scores:
  - kr: q2-activation
    score: 0.8
---
`,
  'reviews/2026-q3/week-33.md': `---
date: 2026-08-17
kind: check-in
facilitator: priya-shah
updates:
  - kr: q3-retention
    confidence: 0.6
    value: 64
  - kr: q3-churn
    confidence: 0.5
---
`,
  'glossary/okr-owner.md': `---
term: OKR Owner
summary: The one person accountable for an objective or key result.
synonyms: [OKR accountable]
---
`,
};

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** Writes a handbook into a new temp folder; `null` removes a base file. */
export function writeHandbook(overrides: Record<string, string | Buffer | null> = {}, base = BASE_HANDBOOK): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'okr-handbook-test-'));
  folders.push(dir);
  const files: Record<string, string | Buffer | null> = { ...base, ...overrides };
  for (const [file, text] of Object.entries(files)) {
    if (text === null) continue;
    const target = path.join(dir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  return dir;
}

export async function checkFiles(overrides: Record<string, string | Buffer | null> = {}): Promise<CheckResult> {
  return checkHandbook({ contentDir: writeHandbook(overrides), today: '2026-08-20' });
}

/** The fields a test pins, without message text. */
export function located(diagnostics: readonly Diagnostic[]): Pick<Diagnostic, 'rule' | 'severity' | 'file' | 'line' | 'column'>[] {
  return diagnostics.map(({ rule, severity, file, line, column }) => ({ rule, severity, file, line, column }));
}

/** Replaces `find` in a base file; fails loudly when the text is not there, so fixtures cannot drift. */
export function edit(file: string, find: string, replace: string): Record<string, string> {
  const text = BASE_HANDBOOK[file];
  if (text === undefined || !text.includes(find)) throw new Error(`fixture ${file} has no ${JSON.stringify(find)}`);
  return { [file]: text.replace(find, replace) };
}
