import { describe, expect, it } from 'vitest';
import type { ModelIssueDetail } from '../api/types';
import { issueText, issuesToDiagnostics, withVersion, yamlVersion } from './diagnostics';

const issue = (over: Partial<ModelIssueDetail>): ModelIssueDetail => ({
  path: 'engagement[0].points',
  pointer: '/engagement/0/points',
  message: 'must be a number',
  check: 'schema:type',
  ...over,
});

const TEXT = ['id: m', 'version: 2', 'engagement:', '  - id: a', '    points: lots', ''].join('\n');

describe('issues to CodeMirror diagnostics', () => {
  it('puts an issue at its 1-based line and column, underlining the token there', () => {
    const [d] = issuesToDiagnostics(TEXT, [issue({ line: 5, column: 13 })]);
    expect(TEXT.slice(d!.from, d!.to)).toBe('lots');
    expect(d).toMatchObject({ severity: 'error', message: 'must be a number', source: 'schema:type' });
  });

  it('underlines the line’s text when the column is past its end', () => {
    const [d] = issuesToDiagnostics(TEXT, [issue({ line: 4, column: 40 })]);
    expect(TEXT.slice(d!.from, d!.to)).toBe('- id: a');
  });

  it('puts issues without a line on the first line and clamps lines past the end', () => {
    const [first, past] = issuesToDiagnostics(TEXT, [
      issue({ path: '(model)' }),
      issue({ line: 99, column: 1 }),
    ]);
    expect(TEXT.slice(first!.from, first!.to)).toBe('id: m');
    expect(past!.from).toBeLessThanOrEqual(TEXT.length);
    expect(past!.to).toBeLessThanOrEqual(TEXT.length);
  });

  it('writes issues as "Line N: message", or by path without a line', () => {
    expect(issueText(issue({ line: 7, column: 13 }))).toBe('Line 7: must be a number');
    expect(issueText(issue({ path: '(model)', message: 'id is missing' }))).toBe('(model): id is missing');
  });
});

describe('version helpers', () => {
  it('reads and sets the top-level version', () => {
    expect(yamlVersion(TEXT)).toBe(2);
    expect(yamlVersion(withVersion(TEXT, 3))).toBe(3);
    expect(withVersion('id: m\nname: x\n', 4)).toBe('id: m\nversion: 4\nname: x\n');
    expect(yamlVersion('id: m\n')).toBeNull();
  });
});
