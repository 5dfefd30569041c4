/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/invalid-model-problem.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * A 422 of POST /v1/models and POST /v1/models/diff: RFC 9457 problem details for a model that is not valid, with every problem located in the text sent.
 */
export interface InvalidModelProblem {
  type: string;
  title: string;
  status: 422;
  /**
   * How many problems, and the first one with its line.
   */
  detail: string;
  instance?: string;
  /**
   * The issues as every problem of the api lists fields: `field` is the issue's path, `expected` its message with line and column.
   */
  errors: InvalidModelField[];
  issues: ModelIssueDetail[];
  [k: string]: unknown;
}
export interface InvalidModelField {
  field: string;
  expected: string;
}
/**
 * One problem of a scoring model, located in the document and in the text sent (as the scorer and `parseModel` report them).
 */
export interface ModelIssueDetail {
  /**
   * Where in the model, as people write it: `engagement[2].points`; `(model)` for the document itself.
   */
  path: string;
  /**
   * The same place as a JSON Pointer: `/engagement/2/points`.
   */
  pointer: string;
  /**
   * 1-based line in the text sent.
   */
  line?: number;
  /**
   * 1-based column in the text sent.
   */
  column?: number;
  /**
   * What is wrong and what is expected.
   */
  message: string;
  /**
   * Which check found it: `syntax`, `schema:<keyword>` or `semantic:<check>`.
   */
  check: string;
}
