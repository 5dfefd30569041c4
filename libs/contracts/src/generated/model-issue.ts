/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/model-issue.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

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
