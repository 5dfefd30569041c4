export { parseModel, type ParseModelOptions } from './parse-model.js';
export { ModelValidationError, formatModelIssue, type ModelIssue } from './errors.js';
export { type ModelFormat } from './source-text.js';
export { diffModels } from './model-diff.js';
