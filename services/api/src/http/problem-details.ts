import type { FieldError, ModelIssue, Problem } from '@leadscore/contracts';

/**
 * RFC 9457 problem details: every error the api answers with, served as `application/problem+json`;
 * `detail` says what was wrong and what to do instead (schemas/api/problem.schema.json).
 */
export type ProblemDetails = Readonly<Omit<Problem, 'errors'>> & {
  readonly errors?: readonly FieldError[];
  /** Extension of `invalid-model`: every problem of the model, with its path, line and column. */
  readonly issues?: readonly ModelIssue[];
  /** Extension: seconds after which a retry may succeed (429, 503); also sent as `Retry-After`. */
  readonly retryAfterSeconds?: number;
};
export type { FieldError };

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TYPE_BASE = 'https://docs.leadscore.dev/problems/';

export type ProblemKind =
  | 'malformed-request'
  | 'invalid-request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'invalid-model'
  | 'invalid-leads'
  | 'rate-limited'
  | 'unavailable'
  | 'internal';

const KINDS: Record<ProblemKind, { title: string; status: number }> = {
  'malformed-request': { title: 'Malformed request', status: 400 },
  'invalid-request': { title: 'Invalid request', status: 400 },
  unauthenticated: {
    title: 'Not authenticated: no session, or a missing, unknown or revoked key',
    status: 401,
  },
  forbidden: { title: 'Not allowed here', status: 403 },
  'not-found': { title: 'Not found', status: 404 },
  conflict: { title: 'Conflict', status: 409 },
  'payload-too-large': { title: 'Request too large', status: 413 },
  'unsupported-media-type': { title: 'Unsupported content type', status: 415 },
  'invalid-model': { title: 'Invalid scoring model', status: 422 },
  'invalid-leads': { title: 'Past leads that cannot be learned from', status: 422 },
  'rate-limited': { title: 'Too many requests', status: 429 },
  unavailable: { title: 'Service unavailable', status: 503 },
  internal: { title: 'Internal error', status: 500 },
};

export function problem(
  kind: ProblemKind,
  detail: string,
  extra: {
    instance?: string;
    errors?: readonly FieldError[];
    issues?: readonly ModelIssue[];
    retryAfterSeconds?: number;
  } = {},
): ProblemDetails {
  const { title, status } = KINDS[kind];
  return {
    type: `${TYPE_BASE}${kind}`,
    title,
    status,
    detail,
    ...(extra.instance !== undefined ? { instance: extra.instance } : {}),
    ...(extra.errors !== undefined ? { errors: extra.errors } : {}),
    ...(extra.issues !== undefined ? { issues: extra.issues } : {}),
    ...(extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: extra.retryAfterSeconds } : {}),
  };
}

export function kindOfStatus(status: number): ProblemKind | undefined {
  return (Object.keys(KINDS) as ProblemKind[]).find(
    (kind) => KINDS[kind].status === status && kind !== 'invalid-request',
  );
}

/** A thrown problem: use cases, guards and controllers throw it; the one exception filter writes it. */
export class ProblemError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail);
    this.name = 'ProblemError';
  }
}

export function fail(kind: ProblemKind, detail: string, errors?: readonly FieldError[]): never {
  throw new ProblemError(problem(kind, detail, errors ? { errors } : {}));
}

/** Throws a 429 or 503 problem whose answer carries `Retry-After: <seconds>`. */
export function failRetryable(
  kind: 'rate-limited' | 'unavailable',
  detail: string,
  retryAfterSeconds: number,
): never {
  throw new ProblemError(problem(kind, detail, { retryAfterSeconds }));
}
