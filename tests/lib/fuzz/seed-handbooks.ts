import { BASE_HANDBOOK } from '../../helpers/fixture-handbook.js';

/**
 * The valid handbooks mutants start from. The base fixture, and a richer one
 * that uses what the base leaves out: every handbook.yaml setting, an MDX
 * glossary term, and bodies with headings, lists, tables, links, code and
 * raw HTML, so mutations land in more kinds of text.
 */
export const SEED_HANDBOOKS: readonly Readonly<Record<string, string>>[] = [
  BASE_HANDBOOK,
  {
    ...BASE_HANDBOOK,
    'handbook.yaml': `title: Test Handbook
organization: Testco
editUrl: https://git.example.com/testco/handbook/edit/main/content/
asOf: 2026-08-20
confidence: { min: 0, max: 1 }
rules:
  owner-load: [warn, { max: 3 }]
  confidence-stale: [warn, { days: 7 }]
  owner-departed: off
`,
    'people/priya-shah.md': `---
name: Priya Shah
role: Growth Lead
team: growth
email: priya@example.com
---
Priya runs **growth**. Ask her about [activation](/glossary/okr-owner/).
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
## Why it matters

New users who *succeed* in week one stay. See [the data](https://example.com/data?a=1&b=2).

| Week | Activation |
|------|-----------:|
| 1    | 32%        |

1. First step
   - nested point
     > a quote with \`code\`

\`\`\`yaml
owner: priya-shah
\`\`\`

Some <em>raw</em> HTML and a <abbr title="Objectives and key results">OKR</abbr>.
`,
    'reviews/2026-q3/week-33.md': `---
date: 2026-08-17
kind: check-in
facilitator: priya-shah
updates:
  - kr: q3-retention
    confidence: 0.6
    value: 64
    note: "Onboarding checklist shipped; early cohorts look better."
  - kr: q3-churn
    confidence: 0.5
decisions:
  - Keep the checklist experiment running for two more weeks.
---
Notes from the meeting.
`,
    // Named unlike any demo term, so a build of it cannot be mistaken for the demo's own page.
    'glossary/initiative-bet.mdx': `---
term: Initiative
summary: A piece of work an owner bets will move a key result.
synonyms:
  - Project
  - Bet
related:
  - okr-owner
takeaways:
  - Initiatives are the work; key results are the outcome.
---
export const statuses = ['planned', 'active', 'done', 'dropped'];

## What it is

An initiative is something the team does in the hope of moving a key
result. It has one owner and one of {statuses.length} statuses.

<details>
  <summary>Pitfalls</summary>

  - Writing initiatives as key results.
</details>
`,
  },
];
