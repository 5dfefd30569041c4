import { findUntrustedJsonIssue, type EventValidationIssue } from '@leadscore/contracts';

/**
 * The first construct in an input, as received, that no consumer may get (nesting deeper than
 * MAX_JSON_DEPTH, a `__proto__` key, a non-finite number, a NUL character or an unpaired surrogate),
 * as the issue of that input's rejection; undefined when there is none. `rootName` names the input
 * itself, e.g. `(event)`.
 */
export function hostileContentIssue(input: unknown, rootName: string): EventValidationIssue | undefined {
  const issue = findUntrustedJsonIssue(input, rootName);
  return issue && { field: issue.field, expected: issue.expected };
}
