/** A problem found in the model data, before it is located in the source text. */
export interface ModelProblem {
  /** JSON Pointer to the place the problem is about (it may not exist, e.g. a missing property). */
  readonly pointer: string;
  /** Point at the property's key (unknown properties) or at its value (everything else). */
  readonly part: 'key' | 'value';
  readonly message: string;
  /** `schema:<keyword>` or `semantic:<check>`. */
  readonly check: string;
}
