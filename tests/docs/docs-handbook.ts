import { checkHandbook, type CheckResult } from '../../src/lib/check-handbook.js';
import { writeHandbook } from '../helpers/fixture-handbook.js';

/**
 * The small handbook the examples of the docs live in (Acme: a closed Q2
 * with its retrospective, an active Q3 with a recent check-in, a Q4 being
 * planned, and a person who has left). It is valid with no warnings; an
 * example adds or replaces files in it. Its own, not the demo's, so that a
 * company's fork that replaces content/ keeps the docs tests green.
 */
export const DOCS_HANDBOOK: Readonly<Record<string, string>> = {
  'handbook.yaml': `title: Acme OKR Handbook
organization: Acme
asOf: 2026-08-20
`,
  'cycles/2026-q2.md': `---
title: 2026 Q2
start: 2026-04-01
end: 2026-06-30
status: closed
---
`,
  'cycles/2026-q3.md': `---
title: 2026 Q3
start: 2026-07-01
end: 2026-09-30
status: active
---
`,
  'cycles/2026-q4.md': `---
title: 2026 Q4
start: 2026-10-01
end: 2026-12-31
status: planning
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
  'people/alex-moreau.md': `---
name: Alex Moreau
role: Data Analyst
team: growth
left: 2026-07-31
---
`,
  'objectives/2026-q2/activation.md': `---
title: Make new users successful in their first week
cycle: 2026-q2
owner: priya-shah
accepted: 2026-03-27
keyResults:
  - id: q2-activation
    title: Move Day-7 activation from 32% to 55%
    owner: lee-wong
    accepted: 2026-03-30
---
`,
  'objectives/2026-q3/retention.md': `---
title: Keep the customers we win
cycle: 2026-q3
team: growth
owner: priya-shah
accepted: 2026-06-26
keyResults:
  - id: q3-retention
    title: Raise 90-day retention from 60% to 70%
    owner: lee-wong
    accepted: 2026-06-26
    metric: { baseline: 60, target: 70, unit: "%" }
---
`,
  'reviews/2026-q2/2026-q2-retrospective.md': `---
date: 2026-07-02
kind: retrospective
facilitator: priya-shah
scores:
  - kr: q2-activation
    score: 0.8
---
`,
  'reviews/2026-q3/2026-08-17-check-in.md': `---
date: 2026-08-17
kind: check-in
facilitator: priya-shah
updates:
  - kr: q3-retention
    confidence: 0.6
    value: 64
---
`,
  'glossary/okr-owner.md': `---
term: OKR owner
summary: The one person who answers for an objective or a key result.
---
`,
};

/** Checks the docs' handbook with `files` added or replaced (`null` removes one). */
export function checkDocsHandbook(files: Record<string, string | null> = {}): Promise<CheckResult> {
  return checkHandbook({ contentDir: writeHandbook(files, DOCS_HANDBOOK), today: '2026-08-20' });
}
