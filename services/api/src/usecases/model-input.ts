import type { WorkspaceId } from '@leadscore/access';
import {
  ModelValidationError,
  formatModelIssue,
  parseModel,
  type ModelIssue,
  type ScoringModel,
} from '@leadscore/contracts';
import type { ModelText } from '../http/model-body.js';
import { ProblemError, fail, problem } from '../http/problem-details.js';

export type ModelReading =
  | { readonly valid: true; readonly model: ScoringModel }
  | { readonly valid: false; readonly issues: readonly ModelIssue[] };

/**
 * Validates a model sent by a caller exactly as the scorer will (parseModel: syntax, schema,
 * semantics, each problem with its line and column), for the caller's workspace: a document without
 * `workspace` gets the caller's, one naming another workspace is an issue at its line.
 */
export function readModel(input: ModelText, workspace: WorkspaceId): ModelReading {
  try {
    return {
      valid: true,
      model: parseModel(input.text, input.format, 'the request body', { workspace }),
    };
  } catch (error) {
    if (error instanceof ModelValidationError) return { valid: false, issues: error.issues };
    throw error;
  }
}

/** The model or a 422 `invalid-model` problem listing every issue (routes that go on with the model). */
export function requireValidModel(input: ModelText, workspace: WorkspaceId): ScoringModel {
  const reading = readModel(input, workspace);
  if (reading.valid) return reading.model;
  const count = reading.issues.length === 1 ? '1 problem' : `${reading.issues.length} problems`;
  const first = reading.issues[0];
  throw new ProblemError(
    problem(
      'invalid-model',
      `The model has ${count}${first ? `, the first: ${formatModelIssue(first)}` : ''}. Fix them and send it again; every one is in \`issues\`, and POST /v1/models/validate checks a model without applying it.`,
      {
        errors: reading.issues.map((issue) => ({ field: issue.path, expected: formatModelIssue(issue) })),
        issues: reading.issues,
      },
    ),
  );
}

/** The 404 of a model the caller's workspace does not have (or another workspace's: the same answer). */
export function modelNotFound(modelId: string): never {
  return fail(
    'not-found',
    `No model "${modelId.slice(0, 80)}" in this workspace; GET /v1/models lists its models.`,
  );
}
