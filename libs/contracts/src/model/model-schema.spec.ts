import { describe, expect, it } from '@jest/globals';
import { modelSchema } from '../generated/model.schema.js';

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
});
