export {
  fitLogisticRegression,
  predictProbability,
  type LogisticRegressionFit,
  type LogisticRegressionOptions,
} from './logistic-regression.js';
