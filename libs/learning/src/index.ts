export {
  fitLogisticRegression,
  predictProbability,
  type LogisticRegressionFit,
  type LogisticRegressionOptions,
} from './logistic-regression.js';
export {
  DEFAULT_PLACEHOLDERS,
  answerOf,
  countOf,
  designOf,
  learnColumns,
  pointTable,
  type Design,
  type FeatureColumn,
  type FeaturePoints,
  type FeatureSource,
  type LeadRow,
} from './features.js';
export { outcomesOf, parseLeadCsv, proposeMapping, type LeadTable } from './lead-table.js';
