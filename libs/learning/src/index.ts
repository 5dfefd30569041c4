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
export {
  CSV_PROGRESS_ROWS,
  outcomesOf,
  parseLeadCsv,
  proposeMapping,
  type LeadCsvOptions,
  type LeadTable,
} from './lead-table.js';
export {
  suggestPointsByCloseRate,
  type CloseRateOptions,
  type CloseRateRow,
  type CloseRateSuggestions,
  type ConversionCounts,
  type ValueSuggestion,
} from './close-rate-suggestions.js';
export {
  beforeConversion,
  leakageChecks,
  type ClassBalance,
  type ColumnLeakage,
  type LeakageColumn,
  type LeakageOptions,
  type LeakageReport,
} from './leakage.js';
export {
  evaluateProbabilities,
  seededRandom,
  seededSplit,
  type CalibrationBin,
  type ProbabilityEvaluation,
  type Split,
} from './evaluation.js';
export { learnFromLeads, modelFromLearning, type LearnOptions, type LearnReport } from './learn.js';
export { featureMappingYaml, parseFeatureMapping } from './feature-mapping.js';
export { leadsFromContacts, type ArchivedLead } from './archived-leads.js';
