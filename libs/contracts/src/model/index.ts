export { parseModel } from './parse-model.js';
export { ModelValidationError, formatModelIssue, type ModelIssue } from './errors.js';
export { type ModelFormat } from './source-text.js';
