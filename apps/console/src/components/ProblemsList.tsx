import type { ModelIssueDetail } from '../api/types';
import { issueText } from '../models/diagnostics';

export type ValidationState = 'idle' | 'checking' | 'valid' | 'invalid' | 'failed';

const STATUS: Record<ValidationState, string> = {
  idle: '',
  checking: 'Checking…',
  valid: 'No problems: the model is valid.',
  invalid: '',
  failed: 'The model could not be checked.',
};

/** The model's issues as text, announced politely as they change (the editor marks them at their lines). */
export function ProblemsList({
  issues,
  state,
}: {
  issues: readonly ModelIssueDetail[];
  state: ValidationState;
}) {
  return (
    <section className="problems" aria-labelledby="problems-heading">
      <h2 id="problems-heading">
        Problems <span className="count">({issues.length})</span>
      </h2>
      <p className="hint" role="status">
        {state === 'invalid'
          ? `${issues.length} ${issues.length === 1 ? 'problem' : 'problems'} found.`
          : STATUS[state]}
      </p>
      <ul aria-label="Problems" aria-live="polite" className="problem-list">
        {issues.map((issue, index) => (
          <li key={`${issue.pointer}-${issue.line ?? 0}-${issue.column ?? 0}-${index}`}>
            {issueText(issue)}
            {issue.path && issue.line ? <span className="hint"> ({issue.path})</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
