import { describe, expect, it } from '@jest/globals';
import { pipelineHealthOf, type PipelineSnapshot, type ServiceScrape } from './pipeline-health.js';
import { parsePrometheusText } from './prometheus-text.js';

const T0 = new Date('2026-12-07T10:00:00.000Z');
const at = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

function up(name: string, ...lines: string[]): ServiceScrape {
  return { name, up: true, metrics: parsePrometheusText(lines.join('\n')) };
}
function down(name: string): ServiceScrape {
  return { name, up: false, reason: 'no answer within 1500 ms' };
}
function snapshot(seconds: number, ...services: ServiceScrape[]): PipelineSnapshot {
  return { at: at(seconds), services };
}

const ingest = (accepted: number, rejected = 0, extra: string[] = []): ServiceScrape =>
  up(
    'ingest',
    '# TYPE leadscore_ingest_received_events_total counter',
    `leadscore_ingest_received_events_total{source="api",result="accepted",service="ingest"} ${accepted}`,
    `leadscore_ingest_received_events_total{source="api",result="rejected",service="ingest"} ${rejected}`,
    '# TYPE leadscore_ingest_dead_lettered_events_total counter',
    `leadscore_ingest_dead_lettered_events_total{reason="invalid",service="ingest"} ${rejected}`,
    ...extra,
  );
const scorer = (changes: number, deadLettered = 0): ServiceScrape =>
  up(
    'scorer',
    '# TYPE leadscore_scorer_score_changed_events_total counter',
    `leadscore_scorer_score_changed_events_total{cause="event",service="scorer"} ${changes}`,
    '# TYPE leadscore_scorer_dead_lettered_events_total counter',
    `leadscore_scorer_dead_lettered_events_total{stage="decode",service="scorer"} ${deadLettered}`,
    '# TYPE leadscore_kafka_consumer_lag_messages gauge',
    'leadscore_kafka_consumer_lag_messages{group="leadscore-scorer",topic="leads.events.v1",partition="0",service="scorer"} 10',
    'leadscore_kafka_consumer_lag_messages{group="leadscore-scorer",topic="leads.events.v1",partition="1",service="scorer"} 5',
  );

describe('pipelineHealthOf', () => {
  it('gives no rate on the first scrape, but every total', () => {
    const health = pipelineHealthOf(snapshot(0, ingest(100, 4), scorer(40, 1)), undefined);
    expect(health).toEqual({
      at: '2026-12-07T10:00:00.000Z',
      services: [
        { name: 'ingest', up: true },
        { name: 'scorer', up: true },
      ],
      eventsInPerSecond: null,
      scoresChangedPerSecond: null,
      consumerLag: [{ group: 'leadscore-scorer', lag: 15 }],
      deadLetters: { total: 5, perSecond: null },
      webhooks: { delivered: 0, failed: 0, successRatio: null },
      decayRuns: { total: 0, lastAt: null },
    });
  });

  it('divides each counter’s growth since the previous scrape by the seconds between them', () => {
    const first = snapshot(0, ingest(100, 4), scorer(40, 1));
    const second = snapshot(4, ingest(110, 6), scorer(50, 1));
    const health = pipelineHealthOf(second, first);
    expect(health.eventsInPerSecond).toBe(2.5);
    expect(health.scoresChangedPerSecond).toBe(2.5);
    // ingest's 2 new dead letters over 4 s; the scorer's unchanged.
    expect(health.deadLetters).toEqual({ total: 7, perSecond: 0.5 });
    expect(pipelineHealthOf(snapshot(7, ingest(120, 6), scorer(50, 1)), second).eventsInPerSecond).toBe(
      3.3333,
    );
  });

  it('counts a series that appeared since the previous scrape from zero', () => {
    const first = snapshot(0, ingest(100));
    const second = snapshot(
      2,
      ingest(100, 0, [
        'leadscore_ingest_received_events_total{source="pixel",result="accepted",service="ingest"} 8',
      ]),
    );
    expect(pipelineHealthOf(second, first).eventsInPerSecond).toBe(4);
  });

  it('gives null, never a negative rate, for an interval in which a counter went down', () => {
    const first = snapshot(0, ingest(100, 4), scorer(40, 1));
    const restarted = snapshot(5, ingest(3, 0), scorer(45, 1));
    const health = pipelineHealthOf(restarted, first);
    expect(health.eventsInPerSecond).toBeNull();
    expect(health.deadLetters).toEqual({ total: 1, perSecond: null });
    expect(health.scoresChangedPerSecond).toBe(1);
    // The next interval counts again from the restarted values.
    expect(pipelineHealthOf(snapshot(10, ingest(13, 0), scorer(45, 1)), restarted).eventsInPerSecond).toBe(2);
  });

  it('sees a restart whose counters grew past their old values by its new process start time', () => {
    const start = (seconds: number): string[] => [
      '# TYPE leadscore_ingest_process_start_time_seconds gauge',
      `leadscore_ingest_process_start_time_seconds{service="ingest"} ${seconds}`,
    ];
    const first = snapshot(0, ingest(5, 0, start(1_800_000_000)));
    const same = snapshot(5, ingest(10, 0, start(1_800_000_000)));
    const again = snapshot(10, ingest(500, 0, start(1_800_000_009)));
    expect(pipelineHealthOf(same, first).eventsInPerSecond).toBe(1);
    expect(pipelineHealthOf(again, same).eventsInPerSecond).toBeNull();
  });

  it('sees a restart by a series that is gone', () => {
    const first = snapshot(
      0,
      ingest(100, 0, [
        'leadscore_ingest_received_events_total{source="pixel",result="accepted",service="ingest"} 8',
      ]),
    );
    expect(pipelineHealthOf(snapshot(5, ingest(150)), first).eventsInPerSecond).toBeNull();
  });

  it('leaves a down service out: its numbers, and its rates until it answered twice', () => {
    const first = snapshot(0, ingest(100, 4), scorer(40, 1));
    const ingestDown = snapshot(5, down('ingest'), scorer(50, 3));
    const health = pipelineHealthOf(ingestDown, first);
    expect(health.services).toEqual([
      { name: 'ingest', up: false },
      { name: 'scorer', up: true },
    ]);
    expect(health.eventsInPerSecond).toBeNull();
    expect(health.scoresChangedPerSecond).toBe(2);
    // Only the scorer's dead letters, counted and rated.
    expect(health.deadLetters).toEqual({ total: 3, perSecond: 0.4 });
    const back = snapshot(10, ingest(120, 4), scorer(50, 3));
    expect(pipelineHealthOf(back, ingestDown).eventsInPerSecond).toBeNull();
    expect(pipelineHealthOf(snapshot(15, ingest(130, 4), scorer(50, 3)), back).eventsInPerSecond).toBe(2);
  });

  it('rates a quantity at 0 when its service counted nothing yet, but null when none registers it', () => {
    const idle = (): ServiceScrape =>
      up(
        'ingest',
        '# HELP leadscore_ingest_received_events_total Events received',
        '# TYPE leadscore_ingest_received_events_total counter',
      );
    const health = pipelineHealthOf(snapshot(5, idle()), snapshot(0, idle()));
    expect(health.eventsInPerSecond).toBe(0);
    expect(health.scoresChangedPerSecond).toBeNull();
  });

  it('gives no rate over no time', () => {
    expect(pipelineHealthOf(snapshot(0, ingest(5)), snapshot(0, ingest(1))).eventsInPerSecond).toBeNull();
  });

  it('sums the lag per group over topics and partitions, the largest per partition across services', () => {
    const lag = (group: string, topic: string, partition: number, value: number, service: string): string =>
      `leadscore_kafka_consumer_lag_messages{group="${group}",topic="${topic}",partition="${partition}",service="${service}"} ${value}`;
    const health = pipelineHealthOf(
      snapshot(
        0,
        up(
          'threshold-1',
          lag('leadscore-threshold', 'leads.score-changed.v1', 0, 7, 'threshold'),
          lag('leadscore-threshold', 'leads.events.v1', 0, 3, 'threshold'),
        ),
        up('threshold-2', lag('leadscore-threshold', 'leads.score-changed.v1', 0, 2, 'threshold')),
        up('analytics', lag('leadscore-analytics', 'leads.events.v1', 2, 1000, 'analytics')),
        down('scorer'),
      ),
      undefined,
    );
    expect(health.consumerLag).toEqual([
      { group: 'leadscore-analytics', lag: 1000 },
      { group: 'leadscore-threshold', lag: 10 },
    ]);
  });

  it("shows the scorer's own events lag (labelled by partition only) under the scraped service's name", () => {
    const health = pipelineHealthOf(
      snapshot(
        0,
        up(
          'scorer',
          'leadscore_scorer_consumer_lag_messages{partition="0",service="scorer"} 40',
          'leadscore_scorer_consumer_lag_messages{partition="1",service="scorer"} 2',
        ),
      ),
      undefined,
    );
    expect(health.consumerLag).toEqual([{ group: 'scorer (events)', lag: 42 }]);
  });

  it('gives webhook attempts and their success ratio, and decay passes with the last check', () => {
    const threshold = up(
      'threshold',
      'leadscore_threshold_webhook_deliveries_total{result="delivered",service="threshold"} 7',
      'leadscore_threshold_webhook_deliveries_total{result="retrying",service="threshold"} 2',
      'leadscore_threshold_webhook_deliveries_total{result="dead_lettered",service="threshold"} 1',
      'leadscore_threshold_consumed_events_total{result="processed",service="threshold"} 90',
      'leadscore_threshold_consumed_events_total{result="dead_lettered",service="threshold"} 2',
    );
    const decay = (lastRun: number): ServiceScrape =>
      up(
        'decay',
        '# TYPE leadscore_decay_run_duration_seconds histogram',
        'leadscore_decay_run_duration_seconds_bucket{le="+Inf",result="completed",service="decay"} 4',
        'leadscore_decay_run_duration_seconds_sum{result="completed",service="decay"} 1.5',
        'leadscore_decay_run_duration_seconds_count{result="completed",service="decay"} 4',
        'leadscore_decay_run_duration_seconds_count{result="failed",service="decay"} 1',
        `leadscore_decay_last_successful_run_timestamp_seconds{service="decay"} ${lastRun}`,
      );
    const health = pipelineHealthOf(snapshot(0, threshold, decay(1_796_638_800.5), decay(0)), undefined);
    expect(health.webhooks).toEqual({ delivered: 7, failed: 3, successRatio: 0.7 });
    expect(health.deadLetters.total).toBe(2);
    expect(health.decayRuns).toEqual({ total: 8, lastAt: '2026-12-07T10:20:00.500Z' });
    expect(pipelineHealthOf(snapshot(0, decay(0)), undefined).decayRuns).toEqual({ total: 4, lastAt: null });
  });
});
