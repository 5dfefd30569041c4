import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { stringify } from 'yaml';
import { modelSchema } from '../generated/model.schema.js';
import { parseModel } from './parse-model.js';

type Schema = Record<string, unknown>;
const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every `properties` entry in the schema, with where it is. */
function propertiesOf(node: unknown, path: string): { path: string; schema: Schema }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => propertiesOf(item, `${path}[${i}]`));
  if (!isSchema(node)) return [];
  const own = isSchema(node['properties'])
    ? Object.entries(node['properties']).flatMap(([name, schema]) =>
        isSchema(schema) ? [{ path: `${path}.${name}`, schema }] : [],
      )
    : [];
  return [...own, ...Object.entries(node).flatMap(([key, value]) => propertiesOf(value, `${path}/${key}`))];
}

describe('model schema', () => {
  it('is JSON Schema draft 2020-12', () => {
    expect(modelSchema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('describes every property for the people who write models', () => {
    const undocumented = propertiesOf(modelSchema, '').filter(
      ({ schema }) => typeof schema['description'] !== 'string',
    );
    expect(undocumented.map((p) => p.path)).toEqual([]);
  });

  it('closes every object so that misspelt properties are reported', () => {
    const defs = modelSchema['$defs'] as Record<string, Schema>;
    const open = Object.entries(defs)
      .filter(
        ([, schema]) =>
          schema['type'] === 'object' && !schema['oneOf'] && schema['additionalProperties'] !== false,
      )
      .map(([name]) => name);
    expect(open).toEqual([]);
  });

  // The model reference (docs/models.md) shows these examples: each must be what it illustrates.
  it('gives examples that are valid: each definition’s against it, the model’s through parseModel', () => {
    const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, discriminator: true });
    ajv.addSchema(modelSchema);
    const defs = modelSchema['$defs'] as Record<string, Schema>;
    const withExamples = Object.entries(defs).filter(([, schema]) => Array.isArray(schema['examples']));
    expect(withExamples.length).toBeGreaterThanOrEqual(10);
    const invalid = withExamples.flatMap(([name, schema]) => {
      const validate = ajv.getSchema(`${String(modelSchema['$id'])}#/$defs/${name}`);
      if (!validate) throw new Error(`no definition ${name}`);
      return (schema['examples'] as unknown[]).flatMap((example) =>
        validate(example) ? [] : [`${name}: ${ajv.errorsText(validate.errors)}`],
      );
    });
    expect(invalid).toEqual([]);
    for (const example of modelSchema['examples'] as unknown[])
      expect(() => parseModel(stringify(example), 'yaml', 'example.yaml')).not.toThrow();
  });
});
