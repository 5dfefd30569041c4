import { describe, expect, it } from '@jest/globals';
import { MAX_JSON_DEPTH } from '../json/untrusted-json.js';
import { ModelValidationError, formatModelIssue, type ModelIssue } from './errors.js';
import { parseModel } from './parse-model.js';
import { readSourceText } from './source-text.js';

const yamlModel = (extra: string): string =>
  `id: demo\nversion: 1\nworkspace: acme\nname: Demo\n${extra}\nengagement:\n  - id: click\n    event: email.clicked\n    points: 5\n`;
const jsonModel = (member: string): string =>
  `{\n  "id": "demo",\n  "version": 1,\n  "workspace": "acme",\n  "name": "Demo",\n  ${member}\n}`;

/** The issues of a rejected model; fails the test when parseModel throws anything but ModelValidationError. */
function issuesOf(text: string, format: 'yaml' | 'json'): ModelIssue[] {
  try {
    parseModel(text, format, 'hostile');
  } catch (error) {
    if (error instanceof ModelValidationError) return [...error.issues];
    throw error;
  }
  throw new Error('expected the model to be rejected');
}

const nested = (open: string, close: string, levels: number, inner = '1'): string =>
  open.repeat(levels) + inner + close.repeat(levels);
const blockMaps = (levels: number): string =>
  Array.from({ length: levels }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1';
const blockSequences = (levels: number): string =>
  Array.from({ length: levels }, (_, i) => `${'  '.repeat(i)}-`).join('\n') + ' 1';

describe('readSourceText: hostile models', () => {
  it('refuses JSON nested deeper than MAX_JSON_DEPTH at the first level too deep, without recursing further', () => {
    for (const levels of [MAX_JSON_DEPTH, 5_000, 200_000]) {
      const [issue] = issuesOf(jsonModel(`"description": ${nested('[', ']', levels)}`), 'json');
      expect(issue && formatModelIssue(issue)).toBe(
        '(model): JSON syntax: nests deeper than 64 levels here; flatten it (line 6, column 81)',
      );
    }
  });

  it('refuses YAML nested deeper than MAX_JSON_DEPTH, in flow and block style, before the YAML composer recurses', () => {
    const cases: [string, string][] = [
      ['flow sequences', `description: ${nested('[', ']', 5_000)}`],
      ['flow mappings', `description: ${nested('{a: ', '}', 5_000)}`],
      ['block mappings', `description:\n${blockMaps(1_000)}`],
      ['block sequences', `description:\n${blockSequences(1_000)}`],
      ['a collection as a key', `? ${nested('[', ']', 200)}\n: 1`],
      ['one level past the limit', `description: ${nested('[', ']', MAX_JSON_DEPTH)}`],
    ];
    for (const [name, extra] of cases) {
      const issues = issuesOf(yamlModel(extra), 'yaml');
      expect({ name, issues: issues.map((i) => i.message) }).toEqual({
        name,
        issues: ['YAML: nests deeper than 64 levels here; flatten it'],
      });
      expect(issues[0]?.line).toBeGreaterThanOrEqual(5);
    }
  });

  it('reads YAML exactly at the limit (then the schema has its say)', () => {
    const issues = issuesOf(yamlModel(`description: ${nested('[', ']', MAX_JSON_DEPTH - 1)}`), 'yaml');
    expect(issues.map((i) => i.path)).toEqual(['description']);
    expect(issues[0]?.message).toMatch(/^expected text/);
  });

  it('refuses YAML aliases that expand past the limit', () => {
    const chain = Array.from(
      { length: 6 },
      (_, i) => `l${i}: &l${i} ${nested('[', ']', 20, i === 0 ? '1' : `*l${i - 1}`)}`,
    ).join('\n');
    const [issue] = issuesOf(yamlModel(chain), 'yaml');
    expect(issue?.message).toBe(
      'expected at most 64 levels of nested objects and arrays; this value nests deeper, flatten it',
    );
    expect(issue?.path).toMatch(/^l3\[0\]/);
  });

  it('refuses a "__proto__" key in JSON and in YAML, located at the key', () => {
    const [json] = issuesOf(jsonModel('"caps": {"__proto__": {"polluted": true}}'), 'json');
    expect(json).toMatchObject({ path: 'caps.__proto__', pointer: '/caps/__proto__', line: 6, column: 12 });
    expect(json?.message).toMatch(/other than "__proto__"/);
    const [yaml] = issuesOf(yamlModel('caps:\n  __proto__:\n    polluted: true'), 'yaml');
    expect(yaml).toMatchObject({ path: 'caps.__proto__', line: 6, column: 3 });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses numbers beyond the double range (1e400, .inf) instead of reading Infinity', () => {
    const [json] = issuesOf(jsonModel('"caps": {"engagementMax": 1e400}'), 'json');
    expect(json && formatModelIssue(json)).toBe(
      'caps.engagementMax: expected a finite number, within ±1.7976931348623157e308 (send larger values as strings) (line 6, column 29)',
    );
    for (const literal of ['1e400', '-.inf', '.nan']) {
      const [yaml] = issuesOf(yamlModel(`caps:\n  engagementMax: ${literal}`), 'yaml');
      expect(yaml?.path).toBe('caps.engagementMax');
      expect(yaml?.message).toMatch(/^expected a finite number/);
    }
  });

  it('refuses NUL characters and unpaired surrogates in strings and keys', () => {
    const cases: [string, 'yaml' | 'json', string, RegExp][] = [
      [jsonModel('"description": "a\\u0000b"'), 'json', 'description', /NUL/],
      [jsonModel('"description": "\\ud800"'), 'json', 'description', /surrogate/],
      [jsonModel('"caps": {"\\udc00": 1}'), 'json', 'caps["\\udc00"]', /field name .* surrogate/],
      [yamlModel('description: "a\\0b"'), 'yaml', 'description', /NUL/],
      [yamlModel('description: "\\ud800"'), 'yaml', 'description', /surrogate/],
      [yamlModel('caps:\n  "a\\u0000": 1'), 'yaml', 'caps["a\\u0000"]', /field name without NUL/],
    ];
    for (const [text, format, path, message] of cases) {
      const [issue] = issuesOf(text, format);
      expect({ path: issue?.path, check: issue?.check }).toEqual({ path, check: 'syntax' });
      expect(issue?.message).toMatch(message);
      expect(issue?.line).toBeDefined();
    }
  });

  it('never throws, whatever the text', () => {
    for (const text of ['', nested('[', ']', 100_000), nested('{"a":', '}', 100_000), '['.repeat(100_000)]) {
      for (const format of ['json', 'yaml'] as const) {
        expect(() => readSourceText(text, format)).not.toThrow();
      }
    }
  });
});
