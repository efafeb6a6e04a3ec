import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { collectFieldDescriptions } from '../../../scripts/lib/read-doc-comments.js';
import { isCalendarDate } from '../../../src/lib/dates.js';
import { parseYaml, readFrontMatter } from '../../../src/lib/load/front-matter.js';
import { walkContent, type Kind } from '../../../src/lib/load/walk-content.js';
import { cycleSchema } from '../../../src/lib/schema/cycle.js';
import { FIELD_DESCRIPTIONS } from '../../../src/lib/schema/field-descriptions.js';
import { glossaryTermSchema } from '../../../src/lib/schema/glossary-term.js';
import { handbookSettingsSchema } from '../../../src/lib/schema/handbook-settings.js';
import {
  formatJsonSchema,
  generateJsonSchemas,
  JSON_SCHEMA_FILE_BY_KIND,
  SETTINGS_JSON_SCHEMA_FILE,
  type JsonSchema,
} from '../../../src/lib/schema/json-schema.js';
import { objectiveSchema } from '../../../src/lib/schema/objective.js';
import { personSchema } from '../../../src/lib/schema/person.js';
import { reviewSchema } from '../../../src/lib/schema/review.js';
import { teamSchema } from '../../../src/lib/schema/team.js';
import { DEMO_HANDBOOK } from '../../helpers/demo-handbook.js';
import { BASE_HANDBOOK, checkFiles, edit } from '../../helpers/fixture-handbook.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SCHEMA_DIR = path.join(ROOT, 'public/schema');
const schemas = generateJsonSchemas();

/*
 * A real JSON Schema validator, draft-07 like the schemas. Formats are
 * checked with the project's own checks, as an editor checks them with its
 * own: `date` is a calendar date, `email` and `uri` what zod accepts.
 */
// `strictTuples: false`: a rule's setting may be `[warn]` alone, so its tuple has `minItems: 1`, which is what `readSettings` accepts.
const ajv = new Ajv({ allErrors: true, strictTuples: false });
ajv.addFormat('date', isCalendarDate);
ajv.addFormat('email', (value: string) => z.email().safeParse(value).success);
ajv.addFormat('uri', (value: string) => z.url().safeParse(value).success);
const validators = new Map<string, ValidateFunction>([...schemas].map(([file, schema]) => [file, ajv.compile(schema)]));

const ZOD_SCHEMA_BY_KIND: Record<Kind, z.ZodType> = {
  cycles: cycleSchema,
  teams: teamSchema,
  people: personSchema,
  objectives: objectiveSchema,
  reviews: reviewSchema,
  glossary: glossaryTermSchema,
};

/** The schema file and zod schema for a file of a handbook, by its path in the content folder. */
function schemasFor(file: string): { jsonFile: string; zod: z.ZodType } {
  if (file === 'handbook.yaml') return { jsonFile: SETTINGS_JSON_SCHEMA_FILE, zod: handbookSettingsSchema };
  const kind = file.split('/')[0] as Kind;
  return { jsonFile: JSON_SCHEMA_FILE_BY_KIND[kind], zod: ZOD_SCHEMA_BY_KIND[kind] };
}

/** The data of a file as the checker reads it: front matter, or the whole of `handbook.yaml`. */
function readData(file: string, text: string): unknown {
  if (file === 'handbook.yaml') {
    const parsed = parseYaml(text);
    if ('error' in parsed) throw new Error(`${file}: ${parsed.error.message}`);
    return parsed.data;
  }
  const frontMatter = readFrontMatter(text);
  if (frontMatter.problem) throw new Error(`${file}: ${frontMatter.problem.message}`);
  return frontMatter.data;
}

function validate(file: string, data: unknown): ErrorObject[] {
  const validator = validators.get(schemasFor(file).jsonFile)!;
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

describe('the editor JSON Schemas', () => {
  it('are what public/schema/ holds (run `npm run schema` after changing a zod schema)', () => {
    const committed = readdirSync(SCHEMA_DIR).filter((file) => file.endsWith('.json')).sort();
    expect(committed).toEqual([...schemas.keys()].sort());
    for (const [file, schema] of schemas) {
      expect(readFileSync(path.join(SCHEMA_DIR, file), 'utf8'), file).toBe(formatJsonSchema(schema));
    }
  });

  it('carry the doc comments of the zod schemas (run `npm run schema` after changing one)', () => {
    expect(FIELD_DESCRIPTIONS).toEqual(collectFieldDescriptions(ROOT));
  });

  it('are one per kind plus the settings, each with its own $id and a title', () => {
    expect([...schemas.keys()]).toEqual([...Object.values(JSON_SCHEMA_FILE_BY_KIND), SETTINGS_JSON_SCHEMA_FILE]);
    for (const [file, schema] of schemas) {
      expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', $id: file, title: expect.any(String) });
    }
  });

  it('describe every field, as an editor shows on hover', () => {
    const undescribed: string[] = [];
    const visit = (schema: JsonSchema, where: string) => {
      for (const [key, property] of Object.entries((schema.properties ?? {}) as Record<string, JsonSchema>)) {
        if (!property.description) undescribed.push(`${where}.${key}`);
        visit(property, `${where}.${key}`);
      }
      if (schema.items && !Array.isArray(schema.items)) visit(schema.items as JsonSchema, `${where}[]`);
      for (const branch of (schema.anyOf ?? []) as JsonSchema[]) {
        for (const item of Array.isArray(branch.items) ? (branch.items as JsonSchema[]) : []) visit(item, `${where}[]`);
      }
    };
    for (const [file, schema] of schemas) visit(schema, file);
    expect(undescribed).toEqual([]);
    expect(schemas.get('objective.json')!.properties!.owner).toMatchObject({ description: 'Exactly one person, accountable for the objective.' });
  });

  it('accept every file of the demo handbook', async () => {
    const contentDir = DEMO_HANDBOOK;
    const listing = await walkContent(contentDir);
    expect(listing.entries.length).toBeGreaterThan(50);
    const files = ['handbook.yaml', ...listing.entries.map((entry) => entry.file)];
    const rejected = files.flatMap((file) => {
      const errors = validate(file, readData(file, readFileSync(path.join(contentDir, file), 'utf8')));
      return errors.map((error) => `${file}: ${error.instancePath || '/'} ${error.message}`);
    });
    expect(rejected).toEqual([]);
    expect(new Set(listing.entries.map((entry) => entry.kind))).toEqual(new Set(Object.keys(JSON_SCHEMA_FILE_BY_KIND)));
  });

  it('accept the test handbook too', () => {
    for (const [file, text] of Object.entries(BASE_HANDBOOK)) expect(validate(file, readData(file, text)), file).toEqual([]);
  });
});

interface BrokenFixture {
  /** What is wrong. */
  name: string;
  file: string;
  find: string;
  replace: string;
  /** The rule `npm run check` reports it under. */
  rule: string;
  /** Where the JSON Schema validator reports it (a missing field: at the mapping that lacks it). */
  at: string;
  /** False where zod accepts the value on purpose and a rule judges it. */
  zodRejects: boolean;
}

const OBJECTIVE = 'objectives/2026-q3/retention.md';
const CHECK_IN = 'reviews/2026-q3/week-33.md';
const RETROSPECTIVE = 'reviews/2026-q2-retrospective.md';

const BROKEN: BrokenFixture[] = [
  { name: 'an unknown field', file: 'cycles/2026-q3.md', find: 'status: active', replace: 'status: active\ncolour: blue', rule: 'schema', at: '', zodRejects: true },
  { name: 'a missing title', file: OBJECTIVE, find: 'title: Keep the customers we win\n', replace: '', rule: 'schema', at: '', zodRejects: true },
  { name: 'a date without leading zeros', file: 'cycles/2026-q3.md', find: 'start: 2026-07-01', replace: 'start: 2026-7-1', rule: 'schema', at: '/start', zodRejects: true },
  { name: 'a day the calendar does not have', file: 'cycles/2026-q3.md', find: 'end: 2026-09-30', replace: 'end: 2026-09-31', rule: 'schema', at: '/end', zodRejects: true },
  { name: 'a bad key-result id', file: OBJECTIVE, find: 'id: q3-churn', replace: 'id: Q3 Churn', rule: 'schema', at: '/keyResults/1/id', zodRejects: true },
  { name: 'a bad reference id', file: 'people/lee-wong.md', find: 'manager: priya-shah', replace: 'manager: Priya Shah', rule: 'schema', at: '/manager', zodRejects: true },
  { name: 'a cycle status not in the list', file: 'cycles/2026-q3.md', find: 'status: active', replace: 'status: open', rule: 'schema', at: '/status', zodRejects: true },
  { name: 'an initiative status not in the list', file: OBJECTIVE, find: 'status: active', replace: 'status: ongoing', rule: 'schema', at: '/keyResults/0/initiatives/0/status', zodRejects: true },
  { name: 'a score written as text', file: RETROSPECTIVE, find: 'score: 0.8', replace: 'score: "0.8"', rule: 'schema', at: '/scores/0/score', zodRejects: true },
  { name: 'a score above 1.0', file: RETROSPECTIVE, find: 'score: 0.8', replace: 'score: 8', rule: 'score-range', at: '/scores/0/score', zodRejects: false },
  { name: 'a confidence written as a word', file: CHECK_IN, find: 'confidence: 0.6', replace: 'confidence: high', rule: 'schema', at: '/updates/0/confidence', zodRejects: true },
  { name: 'a metric without a target', file: OBJECTIVE, find: 'metric: { baseline: 60, target: 70, unit: "%" }', replace: 'metric: { baseline: 60, unit: "%" }', rule: 'schema', at: '/keyResults/0/metric', zodRejects: true },
  { name: 'synonyms as one text instead of a list', file: 'glossary/okr-owner.md', find: 'synonyms: [OKR accountable]', replace: 'synonyms: OKR accountable', rule: 'schema', at: '/synonyms', zodRejects: true },
  { name: 'an e-mail address without a domain', file: 'people/sam-okafor.md', find: 'role: CTO', replace: 'role: CTO\nemail: sam', rule: 'schema', at: '/email', zodRejects: true },
  { name: 'a key result without an owner', file: OBJECTIVE, find: '    owner: sam-okafor\n', replace: '', rule: 'owner-required', at: '/keyResults/1', zodRejects: false },
  { name: 'an initiative without an owner', file: OBJECTIVE, find: '        owner: lee-wong\n', replace: '', rule: 'owner-required', at: '/keyResults/0/initiatives/0', zodRejects: false },
  { name: 'an objective without `accepted`', file: OBJECTIVE, find: 'accepted: 2026-06-26\nsponsor', replace: 'sponsor', rule: 'owner-accepted', at: '', zodRejects: false },
  { name: 'an owner given as a list', file: OBJECTIVE, find: 'owner: priya-shah', replace: 'owner: [priya-shah, lee-wong]', rule: 'owner-single', at: '/owner', zodRejects: false },
  { name: 'an owner given as two people', file: OBJECTIVE, find: 'owner: priya-shah', replace: 'owner: priya-shah and lee-wong', rule: 'owner-single', at: '/owner', zodRejects: false },
  { name: 'a review without a facilitator', file: CHECK_IN, find: 'facilitator: priya-shah\n', replace: '', rule: 'schema', at: '', zodRejects: false },
  { name: 'a check-in without updates', file: CHECK_IN, find: /updates:[^]*(?=---)/.exec(BASE_HANDBOOK[CHECK_IN]!)![0], replace: '', rule: 'schema', at: '', zodRejects: false },
  { name: 'a retrospective without scores', file: RETROSPECTIVE, find: 'scores:\n  - kr: q2-activation\n    score: 0.8\n', replace: '', rule: 'schema', at: '', zodRejects: false },
  { name: 'settings: `asOf` in another order', file: 'handbook.yaml', find: 'asOf: 2026-08-20', replace: 'asOf: 20/08/2026', rule: 'schema', at: '/asOf', zodRejects: true },
  { name: 'settings: an unknown rule', file: 'handbook.yaml', find: 'asOf: 2026-08-20', replace: 'asOf: 2026-08-20\nrules:\n  owner-lod: warn', rule: 'schema', at: '/rules', zodRejects: false },
  { name: 'settings: a severity that is not one', file: 'handbook.yaml', find: 'asOf: 2026-08-20', replace: 'asOf: 2026-08-20\nrules:\n  owner-load: sometimes', rule: 'schema', at: '/rules/owner-load', zodRejects: false },
  { name: "settings: an option the rule doesn't take", file: 'handbook.yaml', find: 'asOf: 2026-08-20', replace: 'asOf: 2026-08-20\nrules:\n  owner-load: [warn, { days: 3 }]', rule: 'schema', at: '/rules/owner-load/1', zodRejects: false },
];

describe('a broken file', () => {
  it.each(BROKEN)('$name: the JSON Schema and `npm run check` both reject it', async ({ file, find, replace, rule, at, zodRejects }) => {
    const overrides = edit(file, find, replace);
    const data = readData(file, overrides[file]!);

    const errors = validate(file, data);
    expect(errors.map((error) => error.instancePath)).toContain(at);

    const { diagnostics } = await checkFiles(overrides);
    expect(diagnostics.filter((d) => d.file === file && d.severity === 'error').map((d) => d.rule)).toContain(rule);

    // Where zod accepts it, that is on purpose: a rule explains the problem better than a type error.
    expect(schemasFor(file).zod.safeParse(data).success).toBe(!zodRejects);
  });

  it('an owner given as a list is flagged by the editor at the owner, though zod leaves it to `owner-single`', () => {
    const overrides = edit(OBJECTIVE, 'owner: priya-shah', 'owner: [priya-shah, lee-wong]');
    const errors = validate(OBJECTIVE, readData(OBJECTIVE, overrides[OBJECTIVE]!));
    expect(errors).toContainEqual(expect.objectContaining({ instancePath: '/owner', keyword: 'type', params: { type: 'string' } }));
  });
});
