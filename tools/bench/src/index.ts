export {
  runBenchmark,
  rateOf,
  formatRate,
  formatCaseLine,
  formatRatioLine,
  type BenchmarkCase,
  type BenchmarkDefinition,
  type BenchmarkResult,
  type CaseResult,
  type Measurement,
} from './benchmark.harness.js';
export { kafkaPayload, withThrowawayKafka } from './kafka-bench.fixtures.js';
