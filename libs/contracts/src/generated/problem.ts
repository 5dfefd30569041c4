/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/problem.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Every error of the api: RFC 9457 problem details, served as application/problem+json; `detail` says what was wrong and what to do instead.
 */
export interface Problem {
  /**
   * Identifies the kind of problem, e.g. https://docs.leadscore.dev/problems/not-found.
   */
  type: string;
  /**
   * The kind of problem, in words; the same for every problem of a type.
   */
  title: string;
  /**
   * The HTTP status code.
   */
  status: number;
  /**
   * What was wrong with this request and how to fix it.
   */
  detail: string;
  /**
   * The request this problem is about.
   */
  instance?: string;
  /**
   * The offending fields of the body or query and what each one expects.
   */
  errors?: FieldError[];
  /**
   * Of a 429 or 503: seconds after which a retry may succeed (also sent as `Retry-After`).
   */
  retryAfterSeconds?: number;
}
export interface FieldError {
  /**
   * `(body)`, `scopes[1]`, `?limit`.
   */
  field: string;
  /**
   * What the field should hold.
   */
  expected: string;
}
