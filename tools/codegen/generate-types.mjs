#!/usr/bin/env node
// Generates TypeScript from every schemas/**/*.schema.json into libs/contracts/src/generated/:
//   <name>.ts         the types (json-schema-to-typescript)
//   <name>.schema.ts  the schema itself as a TS module, so validators need no file I/O at runtime
// The schemas are the source of truth; the output is committed so that reviews show contract changes.
//
//   node tools/codegen/generate-types.mjs            write the files (and remove orphaned generated ones)
//   node tools/codegen/generate-types.mjs --check    exit 1 naming every stale file; write nothing
// Options for tests: --schemas <dir> --out <dir> (defaults: schemas/ and libs/contracts/src/generated/).
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MARKER = 'generated — do not edit';

function parseArgs(argv) {
  const args = {
    check: false,
    schemas: join(root, 'schemas'),
    out: join(root, 'libs/contracts/src/generated'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--check') args.check = true;
    else if (arg === '--schemas' || arg === '--out') {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a directory`);
      args[arg.slice(2)] = resolve(value);
    } else
      throw new Error(
        `unknown argument ${arg}; usage: generate-types.mjs [--check] [--schemas dir] [--out dir]`,
      );
  }
  return args;
}

/** Every *.schema.json below dir, sorted so that output order never depends on the file system. */
function findSchemas(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.schema.json'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** "score-changed" → "scoreChanged" */
function camelCase(name) {
  return name.replace(/[-_.]+([a-zA-Z0-9])/g, (_, c) => c.toUpperCase());
}

/**
 * A copy of the schema without `description` beside `$ref`. Such descriptions document a property for
 * people (editors show them), but json-schema-to-typescript would turn every one of them into another
 * numbered alias of the referenced type (EventMatch1, DecayRate2, ...). The referenced definition keeps
 * its own description, so the types stay documented.
 */
function withoutRefDescriptions(node) {
  if (Array.isArray(node)) return node.map(withoutRefDescriptions);
  if (node === null || typeof node !== 'object') return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' && typeof node.$ref === 'string') continue;
    copy[key] = withoutRefDescriptions(value);
  }
  return copy;
}

function header(source) {
  return [
    '/* eslint-disable */',
    '/**',
    ` * ${MARKER}.`,
    ` * Source: ${source}`,
    ' * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).',
    ' */',
  ].join('\n');
}

/**
 * contract-schemas.ts: every schema, so the api's OpenAPI document can resolve the schemas' relative
 * `$ref`s by `$id` without a hand-kept list.
 */
function schemaRegistry(schemas) {
  const imports = schemas.map(
    ({ name, source }) => `import { ${camelCase(name)}Schema } from './${name}.schema.js'; // ${source}`,
  );
  const entries = schemas.map(({ name }) => `  ${camelCase(name)}Schema,`);
  return [
    header('every schema of schemas/'),
    '',
    ...imports,
    '',
    "/** Every schema of schemas/, for resolving `$ref`s by `$id` (the api's OpenAPI document). */",
    'export const contractSchemas: readonly Readonly<Record<string, unknown>>[] = [',
    ...entries,
    '];',
    '',
  ].join('\n');
}

async function generate(schemaDir) {
  const files = new Map(); // output file name → content
  const origin = new Map(); // output file name → schema path, to report collisions
  const allSchemas = [];
  for (const path of findSchemas(schemaDir)) {
    const source = relative(root, path).split('\\').join('/');
    const name = basename(path, '.schema.json');
    let schema;
    try {
      schema = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      throw new Error(`${source}: not valid JSON: ${error.message}`);
    }
    for (const file of [`${name}.ts`, `${name}.schema.ts`]) {
      if (origin.has(file))
        throw new Error(`${source} and ${origin.get(file)} would both generate ${file}; rename one`);
      origin.set(file, source);
    }
    const types = await compile(withoutRefDescriptions(schema), schema.title ?? name, {
      bannerComment: header(source),
      cwd: dirname(path),
      declareExternallyReferenced: true,
      format: true,
      ignoreMinAndMaxItems: true,
      strictIndexSignatures: false,
      style: { singleQuote: true, printWidth: 110, trailingComma: 'all' },
      unknownAny: true,
      unreachableDefinitions: false,
    });
    files.set(`${name}.ts`, types);
    files.set(
      `${name}.schema.ts`,
      `${header(source)}\n\n/** The JSON Schema of ${source}, for validators (no file I/O at runtime). */\n` +
        `export const ${camelCase(name)}Schema: Readonly<Record<string, unknown>> = ${JSON.stringify(schema, null, 2)};\n`,
    );
    allSchemas.push({ name, source });
  }
  if (allSchemas.length > 0) files.set('contract-schemas.ts', schemaRegistry(allSchemas));
  return files;
}

/** Files in out that carry the generated marker (so hand-written files there are never touched). */
function existingGenerated(outDir) {
  if (!existsSync(outDir)) return [];
  return readdirSync(outDir)
    .filter((file) => file.endsWith('.ts') && readFileSync(join(outDir, file), 'utf8').includes(MARKER))
    .sort();
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const files = await generate(args.schemas);
  const orphans = existingGenerated(args.out).filter((file) => !files.has(file));
  const stale = [...files]
    .filter(([file, content]) => {
      const path = join(args.out, file);
      return !existsSync(path) || readFileSync(path, 'utf8') !== content;
    })
    .map(([file]) => file);
  const show = (file) => relative(process.cwd(), join(args.out, file)) || file;

  if (args.check) {
    if (stale.length === 0 && orphans.length === 0) {
      console.log(`codegen: ${files.size} generated files are up to date`);
      return;
    }
    for (const file of stale) console.error(`codegen: stale ${show(file)} (differs from its schema)`);
    for (const file of orphans) console.error(`codegen: orphaned ${show(file)} (its schema is gone)`);
    console.error(
      'codegen: run `npm run codegen` (node tools/codegen/generate-types.mjs) and commit the result',
    );
    process.exitCode = 1;
    return;
  }
  mkdirSync(args.out, { recursive: true });
  for (const file of stale) writeFileSync(join(args.out, file), files.get(file));
  for (const file of orphans) rmSync(join(args.out, file));
  console.log(
    `codegen: ${stale.length} written, ${orphans.length} removed, ${files.size - stale.length} unchanged`,
  );
}

main().catch((error) => {
  console.error(`codegen: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
});
