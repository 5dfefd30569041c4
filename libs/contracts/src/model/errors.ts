/** One problem found in a scoring model, located both in the document and in its source text. */
export interface ModelIssue {
  /** Where in the model, as people write it: `engagement[2].points`; `(model)` for the document itself. */
  readonly path: string;
  /** The same place as a JSON Pointer (RFC 6901): `/engagement/2/points`; `''` for the document. */
  readonly pointer: string;
  /** 1-based line in the source text, when the place exists there. */
  readonly line?: number;
  /** 1-based column in the source text, when the place exists there. */
  readonly column?: number;
  /** What is wrong and what is expected: `expected a number, got "ten"`. */
  readonly message: string;
  /** Which check found it: `syntax`, `schema:<keyword>` or `semantic:<check>`. */
  readonly check: string;
}

/** `engagement[2].points: expected a number, {from: text} or {withinDays: a number, ranges: a list}, got "ten" (line 14, column 13)` */
export function formatModelIssue(issue: ModelIssue): string {
  const where = issue.line === undefined ? '' : ` (line ${issue.line}, column ${issue.column ?? 1})`;
  return `${issue.path}: ${issue.message}${where}`;
}

/** A scoring model that cannot be used, with every problem found (not just the first). */
export class ModelValidationError extends Error {
  override readonly name = 'ModelValidationError';
  /** Fixing the model is the only remedy; retrying the same document fails the same way. */
  readonly retriable = false;

  constructor(
    /** The document's name as the caller knows it (file name, topic key, request). */
    readonly sourceName: string,
    readonly issues: readonly ModelIssue[],
  ) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    super(
      `${sourceName}: ${count} in the scoring model:\n${issues.map((i) => `  - ${formatModelIssue(i)}`).join('\n')}`,
    );
  }
}
