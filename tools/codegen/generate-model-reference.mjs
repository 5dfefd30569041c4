#!/usr/bin/env node
// Generates docs/models.md, the reference of the scoring-model language, from the descriptions and
// examples of schemas/models/model.schema.json: the schema is what editors complete from and what the api
// validates with, so the reference is written from it and never by hand.
//
//   node tools/codegen/generate-model-reference.mjs           write docs/models.md
//   node tools/codegen/generate-model-reference.mjs --check   exit 1 when docs/models.md is stale
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { stringify } from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const schemaPath = join(root, 'schemas/models/model.schema.json');
const outPath = join(root, 'docs/models.md');
const check = process.argv.includes('--check');
for (const arg of process.argv.slice(2))
  if (arg !== '--check')
    throw new Error(`unknown argument ${arg}; usage: generate-model-reference.mjs [--check]`);

const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const defs = schema.$defs ?? {};

const defName = (ref) => ref.replace('#/$defs/', '');
const titleOf = (name) => defs[name]?.title ?? name;
/** GitHub's heading anchors: lower case, spaces to dashes, punctuation dropped. */
const anchorOf = (name) =>
  titleOf(name)
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
const linkTo = (ref) => `[${titleOf(defName(ref))}](#${anchorOf(defName(ref))})`;
const cell = (text) =>
  String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');

/** A property's type in words, with links to the definitions it refers to. */
function typeOf(node) {
  if (!node || typeof node !== 'object') return '';
  if (node.$ref) return linkTo(node.$ref);
  if ('const' in node) return `\`${JSON.stringify(node.const)}\``;
  if (node.enum) return node.enum.map((value) => `\`${JSON.stringify(value)}\``).join(' or ');
  const union = node.oneOf ?? node.anyOf;
  if (union) return union.map(typeOf).join(' or ');
  const types = [node.type].flat().filter(Boolean);
  return types
    .map((type) => {
      if (type === 'array') return `list of ${typeOf(node.items) || 'values'}`;
      if (type === 'object' && node.additionalProperties && typeof node.additionalProperties === 'object')
        return `map of ${typeOf(node.additionalProperties)}`;
      return type;
    })
    .join(' or ');
}

/** What JSON Schema says of a value's bounds, in words. */
function boundsOf(node) {
  const bounds = [];
  if (node.minimum !== undefined) bounds.push(`≥ ${node.minimum}`);
  if (node.exclusiveMinimum !== undefined) bounds.push(`> ${node.exclusiveMinimum}`);
  if (node.maximum !== undefined) bounds.push(`≤ ${node.maximum}`);
  if (node.exclusiveMaximum !== undefined) bounds.push(`< ${node.exclusiveMaximum}`);
  if (node.minItems !== undefined) bounds.push(`at least ${node.minItems}`);
  if (node.maxItems !== undefined) bounds.push(`at most ${node.maxItems}`);
  if (node.maxLength !== undefined) bounds.push(`up to ${node.maxLength} characters`);
  if (node.pattern !== undefined) bounds.push(`matches \`${node.pattern}\``);
  return bounds.length > 0 ? ` (${bounds.join(', ')})` : '';
}

function propertiesTable(node) {
  const required = new Set(node.required ?? []);
  const rows = Object.entries(node.properties ?? {}).map(
    ([name, property]) =>
      `| \`${name}\` | ${cell(typeOf(property) + boundsOf(property))} | ${required.has(name) ? 'yes' : ''} | ${cell(property.description)} |`,
  );
  return rows.length === 0
    ? ''
    : ['| property | type | required | what it means |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** Definitions in the order a reader meets them: breadth-first from the model's own properties. */
function definitionsInReadingOrder() {
  const order = [];
  const queue = [schema];
  const seen = new Set();
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node.$ref === 'string' && node.$ref.startsWith('#/$defs/')) {
      const name = defName(node.$ref);
      if (!seen.has(name)) {
        seen.add(name);
        order.push(name);
        queue.push(defs[name]);
      }
    }
    for (const [key, value] of Object.entries(node)) if (key !== '$defs') visit(value);
  };
  while (queue.length > 0) visit(queue.shift());
  // Definitions nothing refers to (none today) still get their section.
  for (const name of Object.keys(defs)) if (!seen.has(name)) order.push(name);
  return order;
}

function examplesOf(node) {
  return (node.examples ?? [])
    .map((example) => ['```yaml', stringify(example, { lineWidth: 100 }).trimEnd(), '```'].join('\n'))
    .join('\n\n');
}

function section(name) {
  const node = defs[name];
  const parts = [`## ${titleOf(name)}`, node.description ?? ''];
  const union = node.oneOf ?? node.anyOf;
  if (union) parts.push(`One of: ${union.map(typeOf).join(', ')}.`);
  else if (!node.properties) parts.push(`Type: ${typeOf(node)}${boundsOf(node)}.`);
  parts.push(propertiesTable(node), examplesOf(node));
  return parts.filter((part) => part !== '').join('\n\n');
}

const document = [
  '# Scoring model reference',
  '<!-- generated — do not edit: `node tools/codegen/generate-model-reference.mjs` (npm run codegen) writes it from schemas/models/model.schema.json; CI checks it is up to date -->',
  `${schema.description} Write models in YAML or JSON; editors complete and check them from the JSON Schema when the file's first line names it, as \`examples/models/*.yaml\` do: \`# yaml-language-server: $schema=../../schemas/models/model.schema.json\` (the path from the file to the schema). \`leadscore model validate FILE\` and \`POST /v1/models/validate\` check a model with the line and column of every problem, including what the schema cannot say (duplicate rule ids, overlapping grade bands, groups nested too deep, invalid regular expressions).`,
  `## ${schema.title}`,
  'The top level of a model file.',
  propertiesTable(schema),
  examplesOf(schema),
  ...definitionsInReadingOrder().map(section),
]
  .filter((part) => part !== '')
  .join('\n\n');

const options = (await prettier.resolveConfig(outPath)) ?? {};
const formatted = await prettier.format(`${document}\n`, { ...options, parser: 'markdown' });

if (check) {
  const current = existsSync(outPath) ? readFileSync(outPath, 'utf8') : '';
  if (current !== formatted) {
    process.stderr.write('docs/models.md is stale: run node tools/codegen/generate-model-reference.mjs\n');
    process.exit(1);
  }
  process.stdout.write('model reference: docs/models.md is up to date\n');
} else {
  writeFileSync(outPath, formatted);
  process.stdout.write('model reference: wrote docs/models.md\n');
}
