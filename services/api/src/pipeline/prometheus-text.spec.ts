import { describe, expect, it } from '@jest/globals';
import { createMetricsRegistry, IngestMetrics, registerMetrics } from '@leadscore/observability';
import { Counter, Gauge, Histogram, Registry, Summary } from 'prom-client';
import { parsePrometheusText, parseValue, PrometheusTextError } from './prometheus-text.js';

describe('parsePrometheusText on prom-client’s own output', () => {
  it('reads HELP, TYPE, labels with every escape, +Inf, -Inf and NaN', async () => {
    const registry = new Registry();
    registry.setDefaultLabels({ service: 'ingest' });
    const counter = new Counter({
      name: 'test_events_total',
      help: 'Events \\ with a backslash\nand a second line',
      labelNames: ['reason', 'source'] as const,
      registers: [registry],
    });
    const nasty = 'quote " backslash \\ newline \n comma , brace } equals = {x="y"}';
    counter.inc({ reason: nasty, source: 'api' }, 3);
    counter.inc({ reason: '', source: 'pixel' }, 0.5);
    const gauge = new Gauge({
      name: 'test_values',
      help: 'Odd values',
      labelNames: ['kind'] as const,
      registers: [registry],
    });
    gauge.set({ kind: 'inf' }, Number.POSITIVE_INFINITY);
    gauge.set({ kind: 'minus_inf' }, Number.NEGATIVE_INFINITY);
    gauge.set({ kind: 'nan' }, Number.NaN);
    gauge.set({ kind: 'tiny' }, 1.5e-12);
    gauge.set({ kind: 'big' }, 12345678901234);
    gauge.set({ kind: 'negative' }, -42.25);
    new Gauge({ name: 'test_unlabelled', help: 'No labels', registers: [registry] }).set(7);
    const text = await registry.metrics();

    const metrics = parsePrometheusText(text);

    const events = metrics.families.get('test_events_total');
    expect(events).toMatchObject({ type: 'counter', help: 'Events \\ with a backslash\nand a second line' });
    expect(metrics.samples('test_events_total')).toEqual([
      { name: 'test_events_total', labels: { reason: nasty, source: 'api', service: 'ingest' }, value: 3 },
      { name: 'test_events_total', labels: { reason: '', source: 'pixel', service: 'ingest' }, value: 0.5 },
    ]);
    const values = Object.fromEntries(
      metrics
        .samples('test_values')
        .map((sample): [string, number] => [sample.labels['kind'] ?? '', sample.value]),
    );
    expect(values).toEqual({
      inf: Number.POSITIVE_INFINITY,
      minus_inf: Number.NEGATIVE_INFINITY,
      nan: Number.NaN,
      tiny: 1.5e-12,
      big: 12345678901234,
      negative: -42.25,
    });
    expect(metrics.samples('test_unlabelled')).toEqual([
      { name: 'test_unlabelled', labels: { service: 'ingest' }, value: 7 },
    ]);
  });

  it('gives a histogram and a summary their _bucket, _sum, _count and quantile samples', async () => {
    const registry = new Registry();
    const histogram = new Histogram({
      name: 'test_duration_seconds',
      help: 'Durations',
      labelNames: ['result'] as const,
      buckets: [0.1, 1],
      registers: [registry],
    });
    histogram.observe({ result: 'completed' }, 0.05);
    histogram.observe({ result: 'completed' }, 5);
    const summary = new Summary({
      name: 'test_size_bytes',
      help: 'Sizes',
      percentiles: [0.5],
      registers: [registry],
    });
    summary.observe(10);

    const metrics = parsePrometheusText(await registry.metrics());

    const family = metrics.families.get('test_duration_seconds');
    expect(family?.type).toBe('histogram');
    expect(family?.samples.map((sample) => sample.name)).toEqual([
      'test_duration_seconds_bucket',
      'test_duration_seconds_bucket',
      'test_duration_seconds_bucket',
      'test_duration_seconds_sum',
      'test_duration_seconds_count',
    ]);
    expect(metrics.samples('test_duration_seconds_bucket').map((sample) => sample.labels['le'])).toEqual([
      '0.1',
      '1',
      '+Inf',
    ]);
    expect(metrics.samples('test_duration_seconds_count')).toEqual([
      { name: 'test_duration_seconds_count', labels: { result: 'completed' }, value: 2 },
    ]);
    expect(metrics.samples('test_duration_seconds_sum')[0]?.value).toBeCloseTo(5.05);
    expect(metrics.families.get('test_size_bytes')?.type).toBe('summary');
    expect(metrics.samples('test_size_bytes')).toEqual([
      { name: 'test_size_bytes', labels: { quantile: '0.5' }, value: 10 },
    ]);
    expect(metrics.samples('test_size_bytes_count')[0]?.value).toBe(1);
  });

  it('reads a whole service registry: the catalogue’s families (sampled or not) and the process metrics', async () => {
    const registry = createMetricsRegistry({ service: 'ingest' });
    const metrics = registerMetrics(registry, IngestMetrics);
    metrics.receivedEvents.inc({ source: 'api', result: 'accepted' }, 12);

    const parsed = parsePrometheusText(await registry.metrics());

    expect(parsed.samples('leadscore_ingest_received_events_total')).toEqual([
      {
        name: 'leadscore_ingest_received_events_total',
        labels: { source: 'api', result: 'accepted', service: 'ingest' },
        value: 12,
      },
    ]);
    // A labelled counter nothing incremented yet: HELP and TYPE only.
    expect(parsed.families.get('leadscore_ingest_dead_lettered_events_total')).toMatchObject({
      type: 'counter',
      samples: [],
    });
    expect(parsed.samples('leadscore_ingest_process_start_time_seconds')[0]?.value).toBeGreaterThan(0);
  });
});

describe('parsePrometheusText on hand-written text', () => {
  it('takes timestamps, tabs, spaces, a trailing comma, CRLF and comments it does not know', () => {
    const metrics = parsePrometheusText(
      [
        '# A comment',
        '# TYPE x counter',
        'x{a="1",} 4 1700000000000\r',
        'x { a = "2" , b="\\q" }\t5',
        'y -Inf',
        'z NaN -5',
        '# EOF',
        '',
      ].join('\n'),
    );
    expect(metrics.samples('x')).toEqual([
      { name: 'x', labels: { a: '1' }, value: 4, timestampMs: 1_700_000_000_000 },
      { name: 'x', labels: { a: '2', b: '\\q' }, value: 5 },
    ]);
    expect(metrics.samples('y')[0]?.value).toBe(Number.NEGATIVE_INFINITY);
    expect(metrics.families.get('y')?.type).toBe('untyped');
    expect(metrics.samples('z')[0]).toEqual({ name: 'z', labels: {}, value: Number.NaN, timestampMs: -5 });
  });

  it('names the line it cannot read', () => {
    const cases: [string, RegExp][] = [
      ['ok 1\n9x 1', /line 2: expected a metric name/],
      ['x{a=1} 1', /line 1: expected ="value"/],
      ['x{a="1" b="2"} 1', /expected , or }/],
      ['x{a="1} 1', /without its closing quote/],
      ['x{a="1",a="2"} 1', /label "a" given twice/],
      ['x one', /"one" is not a number/],
      ['x', /expected a value/],
      ['x 1 2 3', /expected a value and an optional timestamp/],
      ['x 1 1.5', /not a timestamp/],
      ['# TYPE x gauges', /unknown metric type/],
    ];
    for (const [text, message] of cases) {
      expect(() => parsePrometheusText(text)).toThrow(PrometheusTextError);
      expect(() => parsePrometheusText(text)).toThrow(message);
    }
  });

  it('reads Go float text, nothing else', () => {
    expect(parseValue('1e3')).toBe(1000);
    expect(parseValue('-.5')).toBe(-0.5);
    expect(parseValue('+Inf')).toBe(Number.POSITIVE_INFINITY);
    expect(parseValue('Nan')).toBeNaN();
    for (const text of ['0x10', '', '1_000', 'Infinity1', '1e'] as const)
      expect(parseValue(text)).toBeUndefined();
  });
});
