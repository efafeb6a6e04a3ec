import { edit } from '../../helpers/fixture-handbook.js';

/**
 * Common authoring mistakes, each made once in the base handbook, with what
 * the check must say: the rule, where (line and column, counted in the
 * whole file as an editor does), and a hint that is right for the cause.
 * `message` and `hint` are matched as patterns, so wording may improve
 * while the advice stays right.
 */
export interface Mistake {
  name: string;
  files: Record<string, string | null>;
  expected: Expected;
}

export interface Expected {
  file: string;
  rule: string;
  severity?: 'error' | 'warn';
  line: number;
  column: number;
  message?: RegExp;
  hint: RegExp;
}

const OBJECTIVE = 'objectives/2026-q3/retention.md';
const CHECK_IN = 'reviews/2026-q3/week-33.md';
const RETROSPECTIVE = 'reviews/2026-q2-retrospective.md';
const CYCLE = 'cycles/2026-q3.md';
const PERSON = 'people/lee-wong.md';
const TERM = 'glossary/okr-owner.md';

export const MISTAKES: readonly Mistake[] = [
  // YAML slips
  {
    name: 'a colon in a title',
    files: edit(OBJECTIVE, 'title: Keep the customers we win', 'title: Cost: cut it'),
    expected: { file: OBJECTIVE, rule: 'yaml-syntax', line: 2, column: 8, message: /`title` contains `: `/, hint: /Quote the whole value: `title: "Cost: cut it"`/ },
  },
  {
    name: "a colon in a key result's title",
    files: edit(OBJECTIVE, 'title: Cut churn from 5% to 3%', 'title: Churn: from 5% to 3%'),
    expected: { file: OBJECTIVE, rule: 'yaml-syntax', line: 19, column: 12, hint: /`title: "Churn: from 5% to 3%"`/ },
  },
  {
    name: 'a key indented too far',
    files: edit(OBJECTIVE, '    owner: lee-wong\n    accepted: 2026-06-26', '     owner: lee-wong\n    accepted: 2026-06-26'),
    expected: { file: OBJECTIVE, rule: 'yaml-syntax', line: 11, column: 6, message: /indented differently/, hint: /Line it up/ },
  },
  {
    name: 'a key indented too little',
    files: edit(OBJECTIVE, '    owner: sam-okafor', '   owner: sam-okafor'),
    expected: { file: OBJECTIVE, rule: 'yaml-syntax', line: 20, column: 4, message: /indented differently/, hint: /Line it up/ },
  },
  {
    name: 'a top-level field indented',
    files: edit(CYCLE, 'status: active', ' status: active'),
    expected: { file: CYCLE, rule: 'yaml-syntax', line: 5, column: 2, message: /indented differently/, hint: /Line it up/ },
  },
  {
    name: 'a tab used for indentation',
    files: edit(OBJECTIVE, '    owner: lee-wong\n    accepted: 2026-06-26', '\towner: lee-wong\n    accepted: 2026-06-26'),
    expected: { file: OBJECTIVE, rule: 'yaml-syntax', line: 11, column: 1, hint: /spaces/ },
  },
  {
    name: 'a double quote never closed',
    files: edit(PERSON, 'role: Product Manager', 'role: "Product Manager'),
    expected: { file: PERSON, rule: 'yaml-syntax', line: 3, column: 7, message: /double quote opened here is never closed/, hint: /closing `"`/ },
  },
  {
    name: 'a single quote never closed',
    files: edit(PERSON, 'role: Product Manager', "role: 'Product Manager"),
    expected: { file: PERSON, rule: 'yaml-syntax', line: 3, column: 7, message: /single quote opened here is never closed/, hint: /closing `'`/ },
  },
  {
    name: 'a list bracket never closed',
    files: edit(TERM, 'synonyms: [OKR accountable]', 'synonyms: [OKR accountable'),
    expected: { file: TERM, rule: 'yaml-syntax', line: 4, column: 11, message: /list opened with `\[` here is never closed/, hint: /closing `\]`/ },
  },
  {
    name: 'a list item without its dash',
    files: edit(CHECK_IN, '  - kr: q3-churn', '    kr: q3-churn'),
    expected: { file: CHECK_IN, rule: 'yaml-syntax', line: 9, column: 5, message: /lacks the `- `/, hint: /`  - kr: …`/ },
  },
  {
    name: 'no space after a colon',
    files: edit(PERSON, 'role: Product Manager', 'role:Product Manager'),
    expected: { file: PERSON, rule: 'yaml-syntax', line: 3, column: 1, message: /no space after its colon/, hint: /Put a space after the colon: `role: Product Manager`/ },
  },
  {
    name: 'a field written twice',
    files: edit(CYCLE, 'status: active\n', 'status: active\nstatus: closed\n'),
    expected: { file: CYCLE, rule: 'yaml-syntax', line: 6, column: 1, message: /`status`/, hint: /once/ },
  },
  {
    name: 'a field written twice in a key result',
    files: edit(OBJECTIVE, '    accepted: 2026-06-27\n', '    accepted: 2026-06-27\n    owner: lee-wong\n'),
    expected: { file: OBJECTIVE, rule: 'yaml-syntax', line: 22, column: 5, message: /`owner`/, hint: /once/ },
  },
  {
    name: 'a value starting with `@`',
    files: edit(PERSON, 'role: Product Manager', 'role: @product'),
    expected: { file: PERSON, rule: 'yaml-syntax', line: 3, column: 7, hint: /must be quoted: `role: "@product"`/ },
  },
  {
    name: 'front matter never closed',
    files: { [PERSON]: '---\nname: Lee Wong\nrole: Product Manager\n' },
    expected: { file: PERSON, rule: 'yaml-syntax', line: 1, column: 1, hint: /`---`/ },
  },
  {
    name: 'a file without front matter',
    files: { [PERSON]: 'name: Lee Wong\nrole: Product Manager\n' },
    expected: { file: PERSON, rule: 'schema', line: 1, column: 1, hint: /`---`/ },
  },
  // Wrong values
  {
    name: 'a confidence written as a percentage',
    files: edit(CHECK_IN, 'confidence: 0.5', 'confidence: 80%'),
    expected: { file: CHECK_IN, rule: 'schema', line: 10, column: 17, message: /second update, `q3-churn`/, hint: /`0\.8`/ },
  },
  {
    name: 'a confidence as a percentage without the sign',
    files: edit(CHECK_IN, 'confidence: 0.5', 'confidence: 80'),
    expected: { file: CHECK_IN, rule: 'confidence-range', line: 10, column: 17, hint: /Write 0\.8 if you meant 80%/ },
  },
  {
    name: 'a confidence in quotes',
    files: edit(CHECK_IN, 'confidence: 0.5', 'confidence: "0.5"'),
    expected: { file: CHECK_IN, rule: 'schema', line: 10, column: 17, hint: /Remove the quotes.*`0\.5`/ },
  },
  {
    name: 'a score written as a percentage',
    files: edit(RETROSPECTIVE, 'score: 0.8', 'score: 70%'),
    expected: { file: RETROSPECTIVE, rule: 'schema', line: 7, column: 12, message: /first score, `q2-activation`/, hint: /`0\.7`/ },
  },
  {
    name: 'a value with its unit',
    files: edit(CHECK_IN, 'value: 64', 'value: 64%'),
    expected: { file: CHECK_IN, rule: 'schema', line: 8, column: 12, hint: /without the `%`: `64`/ },
  },
  {
    name: 'a baseline with a word after it',
    files: edit(OBJECTIVE, 'metric: { baseline: 60,', 'metric: { baseline: 60 percent,'),
    expected: { file: OBJECTIVE, rule: 'schema', line: 13, column: 25, hint: /without its unit: `60`/ },
  },
  {
    name: 'a month that does not exist',
    files: edit(CYCLE, 'start: 2026-07-01', 'start: 2026-13-01'),
    expected: { file: CYCLE, rule: 'schema', line: 3, column: 8, message: /not a real date: there is no month 13/, hint: /month comes second/ },
  },
  {
    name: 'a day that does not exist',
    files: edit(CYCLE, 'end: 2026-09-30', 'end: 2026-09-31'),
    expected: { file: CYCLE, rule: 'schema', line: 4, column: 6, message: /September 2026 has 30 days, not 31/, hint: /from 01 to 30/ },
  },
  {
    name: 'a date with slashes',
    files: edit(CYCLE, 'start: 2026-07-01', 'start: 2026/07/01'),
    expected: { file: CYCLE, rule: 'schema', line: 3, column: 8, hint: /dashes, e\.g\. `2026-07-01`/ },
  },
  {
    name: 'a date without leading zeros',
    files: edit(OBJECTIVE, 'accepted: 2026-06-26\nsponsor', 'accepted: 2026-6-26\nsponsor'),
    expected: { file: OBJECTIVE, rule: 'schema', line: 6, column: 11, hint: /`2026-06-26`/ },
  },
  {
    name: "an owner's name instead of their id",
    files: edit(OBJECTIVE, '    owner: sam-okafor', '    owner: Sam Okafor'),
    expected: { file: OBJECTIVE, rule: 'unresolved-reference', line: 20, column: 12, hint: /id, not their name: `sam-okafor`/ },
  },
  {
    name: "a facilitator's name instead of their id",
    files: edit(CHECK_IN, 'facilitator: priya-shah', 'facilitator: Priya Shah'),
    expected: { file: CHECK_IN, rule: 'unresolved-reference', line: 4, column: 14, hint: /`priya-shah`/ },
  },
  {
    name: "a typo in a person's id",
    files: edit(OBJECTIVE, '    owner: sam-okafor', '    owner: sam-okafr'),
    expected: { file: OBJECTIVE, rule: 'unresolved-reference', line: 20, column: 12, hint: /Did you mean `sam-okafor`\?/ },
  },
  {
    name: "a typo in a key result's id in a check-in",
    files: edit(CHECK_IN, 'kr: q3-churn', 'kr: q3-chrun'),
    expected: { file: CHECK_IN, rule: 'unresolved-reference', line: 9, column: 9, message: /^The second update's `kr`/, hint: /Did you mean `q3-churn`\?/ },
  },
  {
    name: "a typo in a cycle's id",
    files: edit(OBJECTIVE, 'cycle: 2026-q3', 'cycle: 2026-q33'),
    expected: { file: OBJECTIVE, rule: 'unresolved-reference', line: 3, column: 8, hint: /Did you mean `2026-q3`\?/ },
  },
  {
    name: "a team's name instead of its id",
    files: edit(OBJECTIVE, 'team: growth', 'team: Growth'),
    expected: { file: OBJECTIVE, rule: 'schema', line: 4, column: 7, hint: /`growth`/ },
  },
  {
    name: 'a status misspelt',
    files: edit(CYCLE, 'status: active', 'status: actve'),
    expected: { file: CYCLE, rule: 'schema', line: 5, column: 9, hint: /Did you mean `active`\?/ },
  },
  {
    name: 'a review kind misspelt',
    files: edit(CHECK_IN, 'kind: check-in', 'kind: checkin'),
    expected: { file: CHECK_IN, rule: 'schema', line: 3, column: 7, hint: /Did you mean `check-in`\?/ },
  },
  {
    name: 'a field name misspelt',
    files: edit(OBJECTIVE, '    title: Cut churn', '    titel: Cut churn'),
    expected: { file: OBJECTIVE, rule: 'schema', line: 19, column: 5, message: /second key result, `q3-churn`/, hint: /Did you mean `title`\?/ },
  },
  {
    name: 'two owners',
    files: edit(OBJECTIVE, '    owner: sam-okafor', '    owner: [sam-okafor, lee-wong]'),
    expected: { file: OBJECTIVE, rule: 'owner-single', line: 20, column: 12, hint: /Keep one of them as `owner`/ },
  },
  {
    name: 'a team as owner',
    files: edit(OBJECTIVE, '    owner: sam-okafor', '    owner: growth'),
    expected: { file: OBJECTIVE, rule: 'owner-individual', line: 20, column: 12, hint: /Name one person from it, e\.g\. its lead `priya-shah`/ },
  },
  {
    name: 'accepted written as yes',
    files: edit(OBJECTIVE, '    accepted: 2026-06-27', '    accepted: yes'),
    expected: { file: OBJECTIVE, rule: 'schema', line: 21, column: 15, message: /`accepted` of the second key result, `q3-churn`, must be a date/, hint: /year, month and day/ },
  },
  {
    name: 'an e-mail written as a mailto link',
    files: edit(PERSON, 'role: Product Manager', 'role: Product Manager\nemail: mailto:lee@example.com'),
    expected: { file: PERSON, rule: 'schema', line: 4, column: 8, hint: /`lee@example\.com`/ },
  },
  // Rules left open before
  {
    name: 'teams that belong to each other',
    files: { ...edit('teams/growth.md', 'lead: priya-shah', 'lead: priya-shah\nparent: sales'), 'teams/sales.md': '---\nname: Sales\nparent: growth\n---\n' },
    expected: { file: 'teams/growth.md', rule: 'team-loop', line: 4, column: 9, message: /`growth` → `sales` → `growth`/, hint: /parent/ },
  },
  {
    name: 'accepted after the handbook date',
    files: edit(OBJECTIVE, '    accepted: 2026-06-27', '    accepted: 2026-08-27'),
    expected: { file: OBJECTIVE, rule: 'accepted-future', severity: 'warn', line: 21, column: 15, message: /2026-08-27.*after 2026-08-20/, hint: /leave `accepted:` blank/ },
  },
  {
    name: 'a check-in left as `new review` wrote it',
    files: edit(CHECK_IN, '    confidence: 0.6\n    value: 64', '    confidence: # last 0.55\n    value: # last 63'),
    expected: { file: CHECK_IN, rule: 'schema', line: 7, column: 5, message: /^The first update, `q3-retention`, is not filled in: its `confidence` and `value` are blank\.$/, hint: /confidence/ },
  },
];

