import { z } from 'zod';
import { DATE_PATTERN } from '../dates.js';
import { ID_PATTERN } from '../ids.js';
import type { Kind } from '../load/walk-content.js';
import { RULES } from '../rules/index.js';
import type { Rule } from '../rules/rule.js';
import * as branding from './branding.js';
import * as cycle from './cycle.js';
import { FIELD_DESCRIPTIONS } from './field-descriptions.js';
import { dateSchema, personFieldSchema, WEB_URL_PATTERN, webUrlSchema } from './fields.js';
import * as glossaryTerm from './glossary-term.js';
import * as handbookSettings from './handbook-settings.js';
import type { ObjectDocs } from './object-docs.js';
import * as objective from './objective.js';
import * as person from './person.js';
import * as review from './review.js';
import * as team from './team.js';

/*
 * JSON Schemas of the content format for editors (yaml-language-server and
 * others), generated from the zod schemas so the two cannot drift apart.
 * Draft-07 is the newest draft yaml-language-server, and so VS Code's YAML
 * extension, understands.
 */

export type JsonSchema = z.core.JSONSchema.BaseSchema;

/** The schema file of each kind of content file, under `public/schema/`. */
export const JSON_SCHEMA_FILE_BY_KIND: Readonly<Record<Kind, string>> = {
  cycles: 'cycle.json',
  teams: 'team.json',
  people: 'person.json',
  objectives: 'objective.json',
  reviews: 'review.json',
  glossary: 'glossary-term.json',
};

/** Not `handbook.json`: that address is the model as data. */
export const SETTINGS_JSON_SCHEMA_FILE = 'handbook-settings.json';

const ROOT_SCHEMAS: readonly { file: string; title: string; schema: z.ZodObject }[] = [
  { file: JSON_SCHEMA_FILE_BY_KIND.cycles, title: 'OKR handbook: cycle', schema: cycle.cycleSchema },
  { file: JSON_SCHEMA_FILE_BY_KIND.teams, title: 'OKR handbook: team', schema: team.teamSchema },
  { file: JSON_SCHEMA_FILE_BY_KIND.people, title: 'OKR handbook: person', schema: person.personSchema },
  { file: JSON_SCHEMA_FILE_BY_KIND.objectives, title: 'OKR handbook: objective', schema: objective.objectiveSchema },
  { file: JSON_SCHEMA_FILE_BY_KIND.reviews, title: 'OKR handbook: review', schema: review.reviewSchema },
  { file: JSON_SCHEMA_FILE_BY_KIND.glossary, title: 'OKR handbook: glossary term', schema: glossaryTerm.glossaryTermSchema },
  { file: SETTINGS_JSON_SCHEMA_FILE, title: 'OKR handbook: settings (handbook.yaml)', schema: handbookSettings.handbookSettingsSchema },
];

/*
 * Fields the content format requires but the zod schemas leave optional,
 * because a rule reports them with a better message (`owner-required`,
 * `owner-accepted`, the review's own check). An editor should still ask
 * for them.
 */
const REQUIRED_BY_RULES = new Map<z.ZodObject, readonly string[]>([
  [objective.objectiveSchema, ['owner', 'accepted']],
  [objective.keyResultSchema, ['owner', 'accepted']],
  [objective.initiativeSchema, ['owner']],
  [review.reviewSchema, ['facilitator']],
]);

/** Fields of which an object may have at most one: a key result's kind, an update's state. */
const AT_MOST_ONE_OF = new Map<z.ZodObject, readonly string[]>([
  [objective.keyResultSchema, objective.KIND_FIELDS],
  [review.checkInUpdateSchema, review.STATE_FIELDS],
]);

/** `not` any two of `fields` together. */
function atMostOne(fields: readonly string[]): JsonSchema {
  const pairs = fields.flatMap((first, index) => fields.slice(index + 1).map((second) => ({ required: [first, second] })));
  return { not: { anyOf: pairs } };
}

/** The list each kind of review must have. */
const LIST_BY_REVIEW_KIND: Readonly<Record<z.infer<typeof review.reviewKindSchema>, string>> = {
  'check-in': 'updates',
  retrospective: 'scores',
};

/** The JSON Schemas by file name, in a stable order. */
export function generateJsonSchemas(): Map<string, JsonSchema> {
  const rules = RULES;
  const docs = docsBySchema(rules);
  const schemas = new Map<string, JsonSchema>();
  for (const { file, title, schema } of ROOT_SCHEMAS) {
    const { $schema, ...body } = convert(schema);
    const json: JsonSchema = { $schema, $id: file, title, ...annotate(schema, body, docs) };
    if (schema === review.reviewSchema) json.allOf = requireListByKind();
    if (schema === handbookSettings.handbookSettingsSchema) {
      const properties = json.properties as Record<string, JsonSchema>;
      properties.rules = { description: properties.rules!.description, ...ruleSettingsSchema(rules, docs) };
    }
    schemas.set(file, json);
  }
  return schemas;
}

/** A file's text: what is committed in `public/schema/` and served at `/schema/`. */
export function formatJsonSchema(schema: JsonSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

function convert(schema: z.ZodType): JsonSchema {
  // `input`: an editor checks what an author writes, before any default applies.
  return z.toJSONSchema(schema, { target: 'draft-07', io: 'input', override: constrainLeaf });
}

/**
 * What code checks beyond the zod schemas' types, said in JSON Schema: a
 * date's form (the calendar check itself is code; `format: date` lets an
 * editor do it too), an ownership field, which zod leaves to the ownership
 * rules but which an editor should flag when it is not one id (a list,
 * "a and b"), a web address's scheme, and a score's range.
 */
function constrainLeaf({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }): void {
  if (zodSchema === dateSchema) Object.assign(jsonSchema, { pattern: DATE_PATTERN.source, format: 'date' });
  if (zodSchema === personFieldSchema) Object.assign(jsonSchema, { type: 'string', pattern: ID_PATTERN.source });
  if (zodSchema === webUrlSchema) Object.assign(jsonSchema, { format: 'uri', pattern: WEB_URL_PATTERN.source });
  if (zodSchema === branding.siteFileSchema) Object.assign(jsonSchema, { pattern: branding.SITE_FILE_PATTERN.source });
  if (zodSchema === branding.accentSchema.shape.light.unwrap() || zodSchema === branding.accentSchema.shape.dark.unwrap()) {
    Object.assign(jsonSchema, { pattern: branding.ACCENT_COLOUR_JSON_PATTERN });
  }
  // `score-range`'s bounds: unlike confidence, they do not depend on the settings.
  if (zodSchema === review.retrospectiveScoreSchema.shape.score) Object.assign(jsonSchema, { minimum: 0, maximum: 1 });
}

/**
 * Walks a zod schema and its JSON Schema together, adding each object's and
 * field's doc comment as its `description`, and the fields required by rules.
 */
function annotate(schema: z.ZodType, json: JsonSchema, docs: ReadonlyMap<z.ZodType, ObjectDocs>): JsonSchema {
  const node = unwrap(schema);
  if (node instanceof z.ZodArray && json.items && !Array.isArray(json.items)) {
    return { ...json, items: annotate(node.element as z.ZodType, json.items as JsonSchema, docs) };
  }
  if (!(node instanceof z.ZodObject) || !json.properties) return json;
  const own = docs.get(node);
  const properties: Record<string, JsonSchema> = {};
  for (const [key, field] of Object.entries(node.shape as Record<string, z.ZodType>)) {
    const description = own?.fields[key];
    properties[key] = annotate(field, { ...(description !== undefined && { description }), ...(json.properties[key] as JsonSchema) }, docs);
  }
  const required = new Set([...(json.required ?? []), ...(REQUIRED_BY_RULES.get(node) ?? [])]);
  const exclusive = AT_MOST_ONE_OF.get(node);
  return {
    ...(own?.description !== undefined && { description: own.description }),
    ...json,
    properties,
    ...(required.size > 0 && { required: Object.keys(properties).filter((key) => required.has(key)) }),
    ...(exclusive && atMostOne(exclusive)),
  };
}

function unwrap(schema: z.ZodType): z.ZodType {
  let node = schema;
  while (node instanceof z.ZodOptional || node instanceof z.ZodDefault || node instanceof z.ZodNullable) node = node.unwrap() as z.ZodType;
  return node;
}

/** A check-in needs `updates`, a retrospective `scores`. */
function requireListByKind(): JsonSchema[] {
  return Object.entries(LIST_BY_REVIEW_KIND).map(([kind, list]) => ({
    if: { properties: { kind: { const: kind } }, required: ['kind'] },
    then: { required: [list] },
  }));
}

/**
 * `rules:` in `handbook.yaml`: one entry per known rule, so an editor
 * completes rule ids and their options. The zod schema accepts any mapping
 * because `readSettings` checks each rule's setting with its own message.
 */
function ruleSettingsSchema(rules: readonly Rule<any>[], docs: ReadonlyMap<z.ZodType, ObjectDocs>): JsonSchema {
  const severity = z.enum(['error', 'warn', 'off']);
  const properties: Record<string, JsonSchema> = {};
  for (const rule of rules) {
    const setting = z.union([severity, z.tuple([severity, rule.options.optional()])]);
    const { $schema, ...json } = convert(setting);
    const options = (json.anyOf![1]!.items as JsonSchema[])[1]!;
    (json.anyOf![1]!.items as JsonSchema[])[1] = annotate(rule.options, options, docs);
    properties[rule.id] = { description: `Reports ${rule.description}. Default: ${rule.defaultSeverity}.`, ...json };
  }
  return { type: 'object', properties, additionalProperties: false };
}

/** The doc comments of each object schema (see `field-descriptions.ts`), by the schema they describe. */
function docsBySchema(rules: readonly Rule<any>[]): Map<z.ZodType, ObjectDocs> {
  const named = new Map<string, unknown>();
  for (const module of [cycle, team, person, objective, review, glossaryTerm, handbookSettings, branding]) {
    for (const [name, value] of Object.entries(module)) named.set(name, value);
  }
  for (const rule of rules) named.set(`rule:${rule.id}`, rule.options);
  const docs = new Map<z.ZodType, ObjectDocs>();
  for (const [key, objectDocs] of Object.entries(FIELD_DESCRIPTIONS)) {
    const schema = named.get(key);
    if (!(schema instanceof z.ZodType)) throw new Error(`field-descriptions.ts describes ${key}, which is not a known schema: run \`npm run schema\`.`);
    docs.set(schema, objectDocs);
  }
  return docs;
}
