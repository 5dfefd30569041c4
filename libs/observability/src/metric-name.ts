/**
 * The metric naming rule: `leadscore_<service>_<thing>_<unit>`, plus `_total` for counters.
 * `<service>` is the service that owns the metric, or `kafka` for the shared Kafka client; `<unit>`
 * comes from a closed list so that dashboards never have to guess whether a number is ms or s.
 */
export const METRIC_NAMESPACE = 'leadscore';

export const METRIC_SERVICES = [
  'api',
  'ingest',
  'scorer',
  'decay',
  'threshold',
  'analytics',
  'kafka',
] as const;
export type MetricService = (typeof METRIC_SERVICES)[number];

export const METRIC_UNITS = [
  'seconds',
  'bytes',
  'messages',
  'events',
  'contacts',
  'requests',
  'deliveries',
  'transitions',
  'endpoints',
  'runs',
  'rows',
  'ratio',
] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export type MetricType = 'counter' | 'gauge' | 'histogram';

export class MetricNameError extends Error {
  override readonly name = 'MetricNameError';

  constructor(
    readonly metricName: string,
    readonly problems: readonly string[],
  ) {
    super(`metric name "${metricName}" breaks leadscore_<service>_<thing>_<unit>: ${problems.join('; ')}`);
  }
}

/** Builds a name that follows the rule; `thing` is snake_case and may hold several words. */
export function metricName(parts: {
  readonly service: MetricService;
  readonly thing: string;
  readonly unit: MetricUnit;
  readonly type: MetricType;
}): string {
  const name = `${METRIC_NAMESPACE}_${parts.service}_${parts.thing}_${parts.unit}${parts.type === 'counter' ? '_total' : ''}`;
  assertMetricName(name, parts.type);
  return name;
}

/** Every way `name` breaks the rule for a metric of `type`; empty when it follows it. */
export function metricNameProblems(name: string, type: MetricType): string[] {
  if (!/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/.test(name)) {
    return ['use lowercase snake_case words (a-z, 0-9) joined by single underscores'];
  }
  const problems: string[] = [];
  const words = name.split('_');
  if (words[0] !== METRIC_NAMESPACE) problems.push(`start with ${METRIC_NAMESPACE}_`);
  if (!(METRIC_SERVICES as readonly string[]).includes(words[1] ?? '')) {
    problems.push(`name the service second, one of ${METRIC_SERVICES.join('|')}`);
  }
  const isTotal = words.at(-1) === 'total';
  if (type === 'counter' && !isTotal) problems.push('end a counter with _<unit>_total');
  if (type !== 'counter' && isTotal) problems.push(`only counters end in _total, not a ${type}`);
  const unitIndex = words.length - (isTotal ? 2 : 1);
  if (!(METRIC_UNITS as readonly string[]).includes(words[unitIndex] ?? '')) {
    problems.push(
      `end with a unit, one of ${METRIC_UNITS.join('|')}${type === 'counter' ? ' (then _total)' : ''}`,
    );
  }
  if (unitIndex <= 2) problems.push('say what is measured between the service and the unit');
  return problems;
}

export function assertMetricName(name: string, type: MetricType): void {
  const problems = metricNameProblems(name, type);
  if (problems.length > 0) throw new MetricNameError(name, problems);
}
