/**
 * RFC 9457 problem details. Every error the ingest service answers with is one of these, served as
 * `application/problem+json`; `detail` says what was wrong and what to send instead.
 */
export interface ProblemDetails {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly instance?: string;
  /** Extension: the offending fields and what each one expects. */
  readonly errors?: readonly { readonly field: string; readonly expected: string }[];
  /** Extension: seconds after which a retry may succeed (also sent as Retry-After). */
  readonly retryAfterSeconds?: number;
  /** Extension: per-event results of a batch none of whose events was accepted. */
  readonly results?: readonly unknown[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TYPE_BASE = 'https://docs.leadscore.dev/problems/';

export type ProblemKind =
  | 'malformed-request'
  | 'invalid-events'
  | 'unauthenticated'
  | 'forbidden'
  | 'invalid-signature'
  | 'not-found'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'rate-limited'
  | 'kafka-unavailable'
  | 'internal';

const TITLES: Record<ProblemKind, { title: string; status: number }> = {
  'malformed-request': { title: 'Malformed request', status: 400 },
  'invalid-events': { title: 'No valid events in the request', status: 400 },
  unauthenticated: { title: 'Missing or unknown workspace key', status: 401 },
  'invalid-signature': { title: 'Webhook signature rejected', status: 401 },
  forbidden: { title: 'Key not allowed here', status: 403 },
  'not-found': { title: 'No such route', status: 404 },
  'payload-too-large': { title: 'Request too large', status: 413 },
  'unsupported-media-type': { title: 'Unsupported content type', status: 415 },
  'rate-limited': { title: 'Rate limit exceeded', status: 429 },
  'kafka-unavailable': { title: 'Event log unavailable', status: 503 },
  internal: { title: 'Internal error', status: 500 },
};

export function problem(
  kind: ProblemKind,
  detail: string,
  extra: {
    instance?: string;
    errors?: ProblemDetails['errors'];
    retryAfterSeconds?: number;
    results?: readonly unknown[];
  } = {},
): ProblemDetails {
  const { title, status } = TITLES[kind];
  return {
    type: `${TYPE_BASE}${kind}`,
    title,
    status,
    detail,
    ...(extra.instance !== undefined ? { instance: extra.instance } : {}),
    ...(extra.errors !== undefined ? { errors: extra.errors } : {}),
    ...(extra.retryAfterSeconds !== undefined ? { retryAfterSeconds: extra.retryAfterSeconds } : {}),
    ...(extra.results !== undefined ? { results: extra.results } : {}),
  };
}

/** A thrown problem: controllers and guards throw it, the one exception filter writes it. */
export class ProblemError extends Error {
  constructor(readonly problem: ProblemDetails) {
    super(problem.detail);
    this.name = 'ProblemError';
  }
}

export function fail(kind: ProblemKind, detail: string, extra: Parameters<typeof problem>[2] = {}): never {
  throw new ProblemError(problem(kind, detail, extra));
}
