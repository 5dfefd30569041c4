import type { Diagnostic } from '@codemirror/lint';
import type { ModelIssueDetail } from '../api/types';

/** A CodeMirror diagnostic, as plain data (no CodeMirror code: this module stays in the first load). */
export type IssueDiagnostic = Pick<Diagnostic, 'from' | 'to' | 'severity' | 'message' | 'source'>;

/** "Line 7: …" as the Problems list shows an issue (its path when the api could not place it). */
export function issueText(issue: ModelIssueDetail): string {
  return issue.line ? `Line ${issue.line}: ${issue.message}` : `${issue.path}: ${issue.message}`;
}

/**
 * Maps the api's issues (1-based line and column in the text sent) to document offsets, underlining from
 * the column to the end of the token there (or the whole line when the column points past its text).
 * Issues without a line go to the first line. Offsets are clamped, so issues of an older text never throw.
 */
export function issuesToDiagnostics(text: string, issues: readonly ModelIssueDetail[]): IssueDiagnostic[] {
  const lines = text.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return issues.map((issue) => {
    const index = Math.min(Math.max((issue.line ?? 1) - 1, 0), lines.length - 1);
    const lineText = lines[index] ?? '';
    const lineStart = starts[index] ?? 0;
    const lineEnd = lineStart + lineText.length;
    let from = Math.min(lineStart + Math.max((issue.column ?? 1) - 1, 0), lineEnd);
    let to = from;
    while (to < lineEnd && !/\s/.test(lineText[to - lineStart] ?? ' ')) to++;
    if (to === from || !issue.line) {
      from = lineStart + (lineText.length - lineText.trimStart().length);
      to = lineEnd;
    }
    return { from, to, severity: 'error', message: issue.message, source: issue.check };
  });
}

/** The `version:` of a YAML model's top level, if it has a plain number. */
export function yamlVersion(text: string): number | null {
  const match = /^version:\s*(\d+)\s*(#.*)?$/m.exec(text);
  return match?.[1] ? Number(match[1]) : null;
}

/** Sets the top-level `version:` (adding it after `id:` or at the top when missing). */
export function withVersion(text: string, version: number): string {
  if (/^version:.*$/m.test(text)) return text.replace(/^version:.*$/m, `version: ${version}`);
  if (/^id:.*$/m.test(text)) return text.replace(/^(id:.*)$/m, `$1\nversion: ${version}`);
  return `version: ${version}\n${text}`;
}
