import type { PipelineHealth } from '@leadscore/contracts';
import type { PrometheusExposition, PrometheusSample } from './prometheus-text.js';

/**
 * The series GET /v1/pipeline/health reads, as the services register them (the catalogue of
 * libs/observability `metric-names.ts`; the names are service-prefixed, so they are looked for in every
 * scraped service and summed, which also adds up replicas).
 */
export const PipelineSeries = {
  /** IngestMetrics.receivedEvents, counted once Kafka acknowledged the events. */
  eventsIn: [{ name: 'leadscore_ingest_received_events_total', labels: { result: 'accepted' } }],
  /** ScorerMetrics.scoreChangedEvents (every cause). */
  scoresChanged: [{ name: 'leadscore_scorer_score_changed_events_total' }],
  /** Ingest's and the scorer's dead-letter topic copies, and the score changes threshold skipped. */
  deadLetters: [
    { name: 'leadscore_ingest_dead_lettered_events_total' },
    { name: 'leadscore_scorer_dead_lettered_events_total' },
    { name: 'leadscore_threshold_consumed_events_total', labels: { result: 'dead_lettered' } },
  ],
  /** ThresholdMetrics.webhookDeliveries (attempts). */
  webhooksDelivered: [
    { name: 'leadscore_threshold_webhook_deliveries_total', labels: { result: 'delivered' } },
  ],
  webhooksFailed: [
    { name: 'leadscore_threshold_webhook_deliveries_total', labels: { result: 'retrying' } },
    { name: 'leadscore_threshold_webhook_deliveries_total', labels: { result: 'dead_lettered' } },
  ],
  /** DecayMetrics.runDuration's count: one per pass of one model. */
  decayRuns: [{ name: 'leadscore_decay_run_duration_seconds_count', labels: { result: 'completed' } }],
  /** DecayMetrics.lastSuccessfulRun (Unix seconds; 0 on a standby). */
  decayLastRun: 'leadscore_decay_last_successful_run_timestamp_seconds',
  /** KafkaClientMetrics.consumerLag, by group, topic and partition (libs/kafka's batch consumer). */
  consumerLag: 'leadscore_kafka_consumer_lag_messages',
  /**
   * ScorerMetrics.consumerLag: the scorer's events consumer (its own runtime, not libs/kafka's batch
   * consumer) labels partitions only; it is shown under the scraped service's name.
   */
  scorerLag: 'leadscore_scorer_consumer_lag_messages',
} as const satisfies Record<string, readonly SeriesSelector[] | string>;

/** Samples of one name whose labels include `labels`. */
export interface SeriesSelector {
  readonly name: string;
  readonly labels?: Readonly<Record<string, string>>;
}

/** prom-client's default metric `<prefix>process_start_time_seconds`: a new value means a restart. */
const PROCESS_START = /(^|_)process_start_time_seconds$/;

/** One service's /metrics as the api read it. */
export type ServiceScrape =
  | { readonly name: string; readonly up: true; readonly metrics: PrometheusExposition }
  | { readonly name: string; readonly up: false; readonly reason: string };

/** Every service's scrape at one time: what the api keeps of its previous scrape. */
export interface PipelineSnapshot {
  readonly at: Date;
  readonly services: readonly ServiceScrape[];
}

/** The answer for `current`, with rates against `previous` (undefined: the api's first scrape). */
export function pipelineHealthOf(
  current: PipelineSnapshot,
  previous: PipelineSnapshot | undefined,
): PipelineHealth {
  const up = current.services.filter((service) => service.up);
  const total = (selectors: readonly SeriesSelector[]): number =>
    sum(up.map((service) => sum(selected(service.metrics, selectors).map((sample) => finite(sample.value)))));
  const rate = (selectors: readonly SeriesSelector[]): number | null =>
    ratePerSecond(current, previous, selectors);
  const delivered = total(PipelineSeries.webhooksDelivered);
  const failed = total(PipelineSeries.webhooksFailed);
  const lastRun = Math.max(
    0,
    ...up.flatMap((service) =>
      service.metrics.samples(PipelineSeries.decayLastRun).map((sample) => finite(sample.value)),
    ),
  );
  return {
    at: current.at.toISOString(),
    services: current.services.map(({ name, up }) => ({ name, up })),
    eventsInPerSecond: rate(PipelineSeries.eventsIn),
    scoresChangedPerSecond: rate(PipelineSeries.scoresChanged),
    consumerLag: consumerLagOf(up),
    deadLetters: { total: total(PipelineSeries.deadLetters), perSecond: rate(PipelineSeries.deadLetters) },
    webhooks: {
      delivered,
      failed,
      successRatio: delivered + failed > 0 ? round(delivered / (delivered + failed)) : null,
    },
    decayRuns: {
      total: total(PipelineSeries.decayRuns),
      lastAt: lastRun > 0 ? new Date(lastRun * 1000).toISOString() : null,
    },
  };
}

/**
 * The selected counters' growth per second since `previous`, summed over the services that register
 * them and answered both times; null without a previous scrape, without such a service, or when any of
 * them went down
 * (a series lower than before, gone, or a new process start time: the process restarted, so the
 * interval's growth is unknown — never a negative rate).
 */
export function ratePerSecond(
  current: PipelineSnapshot,
  previous: PipelineSnapshot | undefined,
  selectors: readonly SeriesSelector[],
): number | null {
  if (!previous) return null;
  const seconds = (current.at.getTime() - previous.at.getTime()) / 1000;
  if (!(seconds > 0)) return null;
  let growth = 0;
  let compared = 0;
  for (const now of current.services) {
    const before = previous.services.find((service) => service.name === now.name);
    if (!now.up || !before?.up || !exports(now.metrics, selectors) || !exports(before.metrics, selectors))
      continue;
    const delta = counterGrowth(before.metrics, now.metrics, selectors);
    if (delta === null) return null;
    growth += delta;
    compared++;
  }
  return compared === 0 ? null : round(growth / seconds);
}

/** Growth of the selected series of one service between two scrapes; null for a reset. */
function counterGrowth(
  before: PrometheusExposition,
  now: PrometheusExposition,
  selectors: readonly SeriesSelector[],
): number | null {
  if (restarted(before, now)) return null;
  const earlier = new Map(selected(before, selectors).map((sample) => [seriesKey(sample), sample.value]));
  let growth = 0;
  for (const sample of selected(now, selectors)) {
    const key = seriesKey(sample);
    const was = earlier.get(key) ?? 0;
    earlier.delete(key);
    if (!Number.isFinite(sample.value) || !Number.isFinite(was) || sample.value < was) return null;
    growth += sample.value - was;
  }
  // A series prom-client showed before and no longer does: the registry started again.
  return earlier.size > 0 ? null : growth;
}

/**
 * Whether the service registers any of the selected metrics: prom-client writes a family's HELP and TYPE
 * before its first labelled sample, so a service that counted nothing yet still counts (at 0).
 */
function exports(metrics: PrometheusExposition, selectors: readonly SeriesSelector[]): boolean {
  return selectors.some(
    ({ name }) =>
      metrics.families.has(name) ||
      metrics.families.has(name.replace(/_(?:bucket|sum|count)$/, '')) ||
      metrics.samples(name).length > 0,
  );
}

function restarted(before: PrometheusExposition, now: PrometheusExposition): boolean {
  const startOf = (metrics: PrometheusExposition): number | undefined => {
    for (const family of metrics.families.keys())
      if (PROCESS_START.test(family)) return metrics.samples(family)[0]?.value;
    return undefined;
  };
  const [was, is] = [startOf(before), startOf(now)];
  return was !== undefined && is !== undefined && was !== is;
}

/**
 * Lag per consumer group: per topic and partition the largest value any service reports (replicas of a
 * group may each still show a partition they handled before a rebalance), summed per group.
 */
function consumerLagOf(up: readonly Extract<ServiceScrape, { up: true }>[]): PipelineHealth['consumerLag'] {
  const partitions = new Map<string, { group: string; lag: number }>();
  for (const service of up)
    for (const sample of [
      ...service.metrics.samples(PipelineSeries.consumerLag),
      ...service.metrics.samples(PipelineSeries.scorerLag).map((scorer) => ({
        ...scorer,
        labels: { ...scorer.labels, group: `${service.name} (events)` },
      })),
    ]) {
      const labels: Readonly<Record<string, string | undefined>> = sample.labels;
      const { group, topic = '', partition = '' } = labels;
      if (group === undefined) continue;
      const key = JSON.stringify([group, topic, partition]);
      const lag = Math.max(0, finite(sample.value));
      partitions.set(key, { group, lag: Math.max(lag, partitions.get(key)?.lag ?? 0) });
    }
  const groups = new Map<string, number>();
  for (const { group, lag } of partitions.values()) groups.set(group, (groups.get(group) ?? 0) + lag);
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, lag]) => ({ group, lag: Math.round(lag) }));
}

function selected(metrics: PrometheusExposition, selectors: readonly SeriesSelector[]): PrometheusSample[] {
  return selectors.flatMap((selector) =>
    metrics
      .samples(selector.name)
      .filter((sample) =>
        Object.entries(selector.labels ?? {}).every(([name, value]) => sample.labels[name] === value),
      ),
  );
}

/** A series' identity: its name and every label (the service's default `service` label included). */
function seriesKey(sample: PrometheusSample): string {
  return JSON.stringify([sample.name, ...Object.entries(sample.labels).sort(([a], [b]) => (a < b ? -1 : 1))]);
}

function finite(value: number): number {
  return Number.isFinite(value) ? value : 0;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Four decimals, as the api's other ratios. */
function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
