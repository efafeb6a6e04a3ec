import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import type { ObjectDocs } from '../../src/lib/schema/object-docs.js';

/**
 * Reads the doc comments of the zod object schemas in one source file, so
 * the JSON Schemas describe each field in the same words an editor shows on
 * hover in TypeScript. Keys are the exported `…Schema` constant, or
 * `rule:<id>` for a rule's `options`. TypeScript is only parsed, never
 * type-checked, so this is quick.
 */
export function readDocComments(fileName: string, text: string): Record<string, ObjectDocs> {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: Record<string, ObjectDocs> = {};
  const add = (key: string, docs: ObjectDocs) => {
    if (found[key]) throw new Error(`${fileName}: two object schemas are documented as ${key}`);
    found[key] = docs;
  };

  const visit = (node: ts.Node, owner: { key: string; description?: string } | undefined): void => {
    if (ts.isVariableStatement(node)) {
      for (const declaration of node.declarationList.declarations) {
        if (!declaration.initializer) continue;
        const named = ts.isIdentifier(declaration.name) && declaration.name.text.endsWith('Schema');
        const description = docOf(node);
        visit(declaration.initializer, named ? { key: declaration.name.getText(), ...(description !== undefined && { description }) } : undefined);
      }
      return;
    }
    if (ts.isCallExpression(node)) {
      const ruleId = ruleIdOf(node);
      if (ruleId !== undefined) {
        ts.forEachChild(node, (child) => visit(child, { key: `rule:${ruleId}` }));
        return;
      }
      const shape = objectShapeOf(node);
      if (shape && owner) {
        const fields: Record<string, string> = {};
        for (const property of shape.properties) {
          const description = docOf(property);
          if (description !== undefined && property.name && ts.isIdentifier(property.name)) fields[property.name.text] = description;
        }
        add(owner.key, { ...(owner.description !== undefined && { description: owner.description }), fields });
        // Only the outermost object of a constant is named; a nested inline object has no key of its own.
        owner = undefined;
      }
    }
    ts.forEachChild(node, (child) => visit(child, owner));
  };
  visit(source, undefined);
  return found;
}

/** The object literal of `z.strictObject({…})` or `z.object({…})`. */
function objectShapeOf(call: ts.CallExpression): ts.ObjectLiteralExpression | undefined {
  const callee = call.expression;
  const argument = call.arguments[0];
  if (!ts.isPropertyAccessExpression(callee) || !['strictObject', 'object'].includes(callee.name.text)) return undefined;
  if (!ts.isIdentifier(callee.expression) || callee.expression.text !== 'z') return undefined;
  return argument && ts.isObjectLiteralExpression(argument) ? argument : undefined;
}

/** The `id` of a `defineRule({ id: '…', … })` call. */
function ruleIdOf(call: ts.CallExpression): string | undefined {
  const argument = call.arguments[0];
  if (!ts.isIdentifier(call.expression) || call.expression.text !== 'defineRule' || !argument || !ts.isObjectLiteralExpression(argument)) return undefined;
  for (const property of argument.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'id' && ts.isStringLiteral(property.initializer)) {
      return property.initializer.text;
    }
  }
  return undefined;
}

/** The text of a node's doc comment on one line; `*\/` written escaped in a comment is unescaped. */
function docOf(node: ts.Node): string | undefined {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const comment = docs[docs.length - 1]?.comment;
  if (comment === undefined) return undefined;
  const text = ts.getTextOfJSDocComment(comment)?.replace(/\s+/g, ' ').replaceAll('\\/', '/').trim();
  return text || undefined;
}

/** The folders whose zod schemas end up in the JSON Schemas: the entity schemas and the rules' options. */
const DOCUMENTED_FOLDERS = ['src/lib/schema', 'src/lib/rules'];

/** The doc comments of every object schema in the documented folders, in a stable order. */
export function collectFieldDescriptions(root: string): Record<string, ObjectDocs> {
  const all: Record<string, ObjectDocs> = {};
  for (const folder of DOCUMENTED_FOLDERS) {
    for (const name of readdirSync(path.join(root, folder)).filter((file) => file.endsWith('.ts')).sort()) {
      const file = path.join(folder, name);
      for (const [key, docs] of Object.entries(readDocComments(file, readFileSync(path.join(root, file), 'utf8')))) {
        if (all[key]) throw new Error(`${file}: ${key} is documented twice`);
        all[key] = docs;
      }
    }
  }
  return all;
}

/** The text of `src/lib/schema/field-descriptions.ts`. */
export function renderFieldDescriptions(docs: Record<string, ObjectDocs>): string {
  return `// Generated by \`npm run schema\` from the doc comments of the zod schemas in
// src/lib/schema/ and of the rules' options in src/lib/rules/. Do not edit:
// change the doc comment and run \`npm run schema\`.
import type { ObjectDocs } from './object-docs.js';

export const FIELD_DESCRIPTIONS: Readonly<Record<string, ObjectDocs>> = ${JSON.stringify(docs, null, 2)};
`;
}
