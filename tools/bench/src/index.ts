export {
  runBenchmark,
  rateOf,
  formatRate,
  formatCaseLine,
  formatRatioLine,
  formatReferenceLine,
  type BenchmarkCase,
  type BenchmarkDefinition,
  type BenchmarkResult,
  type CaseResult,
  type Measurement,
} from './benchmark.harness.js';
export { kafkaPayload, withThrowawayKafka } from './kafka-bench.fixtures.js';
export { formatCpuReport, startCpuMeter, type CpuReport, type CpuShare } from './process-cpu.js';
