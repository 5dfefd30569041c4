import { describe, expect, it } from '@jest/globals';
import { SERVICE_CONFIG_VARIABLES } from '@leadscore/config';
import {
  KafkaClientMetrics,
  METRIC_CATALOGUE,
  METRIC_DEFINITIONS,
  createMetricsRegistry,
  registerMetrics,
} from '@leadscore/observability';
import { workspaceRoot } from '@leadscore/testing';
import { parser } from '@prometheus-io/lezer-promql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface AlertRule {
  alert?: unknown;
  expr?: unknown;
  for?: unknown;
  labels?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
}

const root = workspaceRoot();
const alertsText = readFileSync(join(root, 'deploy/prometheus/alerts.yml'), 'utf8');
const alerts = parse(alertsText) as { groups: { name: string; rules: AlertRule[] }[] };
const rules = alerts.groups.flatMap((g) => g.rules);

/** Labels every series has once scraped: the registry's default label and Prometheus' target labels. */
const TARGET_LABELS = ['service', 'job', 'instance'];
const HISTOGRAM_SUFFIXES = ['_bucket', '_sum', '_count'];

interface KnownMetric {
  /** Label names a selector may match on; undefined: not in the catalogue (process metrics), any. */
  readonly labels: ReadonlySet<string> | undefined;
}

/**
 * Every series name our services expose, as registered by the real registries: each service's
 * catalogue group with the shared Kafka client metrics and its process metrics; histograms and
 * summaries as their _bucket/_sum/_count series.
 */
async function exposedMetrics(): Promise<ReadonlyMap<string, KnownMetric>> {
  const labelsOf = new Map(METRIC_DEFINITIONS.map((d) => [d.name, d.labelNames]));
  const known = new Map<string, KnownMetric>();
  for (const [service, group] of Object.entries(METRIC_CATALOGUE)) {
    if (service === 'kafka') continue;
    const registry = createMetricsRegistry({ service });
    registerMetrics(registry, group);
    registerMetrics(registry, KafkaClientMetrics);
    for (const metric of await registry.getMetricsAsJSON()) {
      const declared = labelsOf.get(metric.name);
      const labels = declared && new Set([...declared, ...TARGET_LABELS]);
      const type = String(metric.type);
      if (type === 'histogram' || type === 'summary') {
        for (const suffix of HISTOGRAM_SUFFIXES) {
          if (suffix === '_bucket' && type !== 'histogram') continue;
          known.set(`${metric.name}${suffix}`, {
            labels: labels && suffix === '_bucket' ? new Set([...labels, 'le']) : labels,
          });
        }
        if (type === 'summary')
          known.set(metric.name, { labels: labels && new Set([...labels, 'quantile']) });
      } else {
        known.set(metric.name, { labels });
      }
    }
  }
  return known;
}

/**
 * Parses `expr` with Prometheus' own PromQL grammar and lists what is wrong with it: syntax errors,
 * selectors that name no metric, metric names no service exposes, and label names neither the metric
 * nor the scrape gives. Returns the metric names it references too, so a caller can see it looked.
 */
function checkExpression(
  expr: string,
  known: ReadonlyMap<string, KnownMetric>,
): { problems: string[]; metrics: string[]; groupingLabels: string[] } {
  const problems: string[] = [];
  const metrics: string[] = [];
  const groupingLabels: string[] = [];
  const exprLabels = new Set(TARGET_LABELS);
  // Grouping labels are checked only when every metric's labels are known.
  let anyUndeclaredLabels = false;
  const text = (from: number, to: number) => expr.slice(from, to);
  parser.parse(expr).iterate({
    enter(ref) {
      if (ref.type.isError) {
        problems.push(
          `syntax error at ${ref.from}: "${text(Math.max(0, ref.from - 15), ref.from)}⟨here⟩${text(ref.from, ref.from + 15)}"`,
        );
        return;
      }
      if (ref.name === 'VectorSelector') {
        const node = ref.node;
        const identifier = node.getChild('Identifier');
        if (!identifier) {
          problems.push(`selector ${text(ref.from, ref.to)} names no metric (write the metric name first)`);
          return;
        }
        const name = text(identifier.from, identifier.to);
        metrics.push(name);
        const metric = known.get(name);
        if (!metric) {
          problems.push(`metric ${name} is not exposed by any leadscore service`);
          anyUndeclaredLabels = true;
          return;
        }
        if (!metric.labels) anyUndeclaredLabels = true;
        for (const label of metric.labels ?? []) exprLabels.add(label);
        const matchers = node.getChild('LabelMatchers');
        for (const matcher of matchers?.getChildren('UnquotedLabelMatcher') ?? []) {
          const labelNode = matcher.getChild('LabelName');
          const label = labelNode ? text(labelNode.from, labelNode.to) : '?';
          if (metric.labels && !metric.labels.has(label))
            problems.push(`${name} has no label "${label}" (it has ${[...metric.labels].sort().join(', ')})`);
        }
        if (matchers && matchers.getChildren('QuotedLabelMatcher').length > 0)
          problems.push(`${name}: use unquoted label names`);
        return;
      }
      // by (...), without (...), on (...), ignoring (...), group_left (...): labels of the expression.
      if (ref.name === 'LabelName' && ref.node.parent?.name === 'GroupingLabels')
        groupingLabels.push(text(ref.from, ref.to));
    },
  });
  if (!anyUndeclaredLabels)
    for (const label of groupingLabels)
      if (!exprLabels.has(label))
        problems.push(`grouping label "${label}" is on none of the expression's metrics`);
  return { problems, metrics, groupingLabels };
}

/** The Go template actions an annotation may use: $value or a label the expression keeps, piped to a humanizer. */
const TEMPLATE_ACTION =
  /^\s*\$(value|labels\.([a-z_]+))(?:\s*\|\s*(?:humanize|humanizeDuration|humanizePercentage))?\s*$/;

describe('deploy/prometheus/alerts.yml', () => {
  it('loads from prometheus.yml, in the directory docker-compose.yml mounts', () => {
    const prometheus = parse(readFileSync(join(root, 'deploy/prometheus/prometheus.yml'), 'utf8')) as {
      rule_files?: string[];
    };
    expect(prometheus.rule_files).toContain('alerts.yml');
    const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
      services: Record<string, { volumes?: string[]; command?: string[] }>;
    };
    expect(compose.services['prometheus']?.volumes).toContain('./deploy/prometheus:/etc/prometheus:ro');
    expect(compose.services['prometheus']?.command).toContain('--config.file=/etc/prometheus/prometheus.yml');
  });

  it('gives every rule a unique name, a for, a severity and a summary and description', () => {
    expect(rules.length).toBeGreaterThan(0);
    const names = rules.map((r) => r.alert);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of rules) {
      const shape = {
        alert: typeof rule.alert === 'string' && /^Leadscore[A-Z][A-Za-z]+$/.test(rule.alert),
        expr: typeof rule.expr === 'string' && rule.expr.trim() !== '',
        for: typeof rule.for === 'string' && /^[0-9]+[smh]$/.test(rule.for),
        severity: ['critical', 'warning'].includes(String(rule.labels?.['severity'])),
        summary: typeof rule.annotations?.['summary'] === 'string' && rule.annotations['summary'] !== '',
        description:
          typeof rule.annotations?.['description'] === 'string' &&
          rule.annotations['description'].length > 80,
      };
      expect({ rule: rule.alert, ...shape }).toEqual({
        rule: rule.alert,
        alert: true,
        expr: true,
        for: true,
        severity: true,
        summary: true,
        description: true,
      });
    }
  });

  it('is listed in the README with each severity', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const rule of rules) {
      const row = new RegExp(
        `^\\| \`${String(rule.alert)}\` +\\| ${String(rule.labels?.['severity'])} +\\|`,
        'm',
      );
      expect({ rule: rule.alert, listed: row.test(readme) }).toEqual({ rule: rule.alert, listed: true });
    }
  });

  it('covers the failure modes operators asked for', () => {
    expect(rules.map((r) => r.alert)).toEqual(
      expect.arrayContaining([
        'LeadscoreDecayRunMissed',
        'LeadscoreScorerConsumerLagHigh',
        'LeadscoreScorerConsumerLagGrowing',
        'LeadscoreOutboxBacklogHigh',
        'LeadscoreEventsDeadLettered',
        'LeadscoreIngestKafkaUnavailable',
        'LeadscoreWebhookDeliveriesFailing',
        'LeadscoreWebhookDeliveriesDeadLettered',
      ]),
    );
  });

  it('has expressions that parse as PromQL and use only metrics and labels our services expose', async () => {
    const known = await exposedMetrics();
    const report = rules.map((rule) => {
      const { problems, metrics } = checkExpression(String(rule.expr), known);
      return { rule: rule.alert, problems, referencesMetrics: metrics.length > 0 };
    });
    expect(report).toEqual(
      rules.map((rule) => ({ rule: rule.alert, problems: [], referencesMetrics: true })),
    );
  });

  it('uses only $value and labels the expression keeps in its annotation templates', async () => {
    const known = await exposedMetrics();
    const problems: string[] = [];
    for (const rule of rules) {
      const { groupingLabels } = checkExpression(String(rule.expr), known);
      const text = Object.values(rule.annotations ?? {})
        .map(String)
        .join('\n');
      if ((text.match(/\{\{/g) ?? []).length !== (text.match(/\}\}/g) ?? []).length)
        problems.push(`${String(rule.alert)}: unbalanced {{ }}`);
      for (const [, action = ''] of text.matchAll(/\{\{(.*?)\}\}/g)) {
        const match = TEMPLATE_ACTION.exec(action);
        if (!match) problems.push(`${String(rule.alert)}: template {{${action}}}`);
        else if (match[2] !== undefined && !groupingLabels.includes(match[2]))
          problems.push(`${String(rule.alert)}: $labels.${match[2]} is not kept by the expression`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names only real metrics and configuration variables in its annotations', async () => {
    const known = await exposedMetrics();
    const variables = new Set(Object.values(SERVICE_CONFIG_VARIABLES).flat());
    const problems: string[] = [];
    for (const rule of rules) {
      const text = JSON.stringify(rule.annotations);
      for (const [name] of text.matchAll(/\bleadscore_[a-z0-9_]+/g))
        // A histogram by its family name is fine in prose.
        if (!known.has(name) && !known.has(`${name}_count`))
          problems.push(`${String(rule.alert)}: metric ${name}`);
      for (const [name] of text.matchAll(/\b(?:INGEST|SCORER|DECAY|THRESHOLD|API|ANALYTICS)_[A-Z0-9_]+/g))
        if (!variables.has(name)) problems.push(`${String(rule.alert)}: variable ${name}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('the alert expression check', () => {
  it('catches a misspelt metric, a wrong suffix, an unknown label and a syntax error', async () => {
    const known = await exposedMetrics();
    const check = (expr: string) => checkExpression(expr, known).problems;
    expect(check('time() - max by (job) (leadscore_decay_next_run_due_timestamp_seconds) > 1800')).toEqual(
      [],
    );
    expect(check('time() - max by (job) (leadscore_decay_next_run_due_timestamp_second) > 1800')).toEqual([
      'metric leadscore_decay_next_run_due_timestamp_second is not exposed by any leadscore service',
    ]);
    // Histogram series exist with their suffixes; a counter has no _bucket.
    expect(
      check(
        'histogram_quantile(0.99, sum by (le) (rate(leadscore_ingest_request_duration_seconds_bucket{status_code="503"}[5m])))',
      ),
    ).toEqual([]);
    expect(check('leadscore_ingest_request_duration_seconds > 1')).toEqual([
      'metric leadscore_ingest_request_duration_seconds is not exposed by any leadscore service',
    ]);
    expect(check('rate(leadscore_scorer_consumed_events_total_bucket[5m])')).toHaveLength(1);
    expect(check('rate(leadscore_threshold_webhook_deliveries_total{reslt="dead_lettered"}[5m])')).toEqual([
      'leadscore_threshold_webhook_deliveries_total has no label "reslt" (it has instance, job, result, service)',
    ]);
    expect(check('sum by (stage) (leadscore_scorer_consumer_lag_messages)')).toEqual([
      'grouping label "stage" is on none of the expression\'s metrics',
    ]);
    expect(check('rate(leadscore_scorer_consumed_events_total[5m]')).toEqual([
      expect.stringMatching(/^syntax error at/),
    ]);
    expect(check('sum(leadscore_scorer_consumed_events_total) >')).toEqual([
      expect.stringMatching(/^syntax error at/),
    ]);
    expect(check('{__name__="leadscore_scorer_consumed_events_total"}')).toEqual([
      expect.stringMatching(/names no metric/),
    ]);
    // Process metrics are exposed too, with the service prefix.
    expect(check('leadscore_decay_process_resident_memory_bytes > 1e9')).toEqual([]);
  });
});
