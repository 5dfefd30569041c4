import { assertMetricName } from './metric-name.js';

/** A metric as the catalogue declares it: name, help and label names, checked against the naming rule. */
interface Definition<Type extends string, Label extends string> {
  readonly type: Type;
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly Label[];
}

export type CounterDefinition<Label extends string = string> = Definition<'counter', Label>;
export type GaugeDefinition<Label extends string = string> = Definition<'gauge', Label>;
export interface HistogramDefinition<Label extends string = string> extends Definition<'histogram', Label> {
  readonly buckets: readonly number[];
}

export type MetricDefinition = CounterDefinition | GaugeDefinition | HistogramDefinition;

export function counter<const Label extends string = never>(
  name: string,
  help: string,
  labelNames: readonly Label[] = [],
): CounterDefinition<Label> {
  assertMetricName(name, 'counter');
  return { type: 'counter', name, help, labelNames };
}

export function gauge<const Label extends string = never>(
  name: string,
  help: string,
  labelNames: readonly Label[] = [],
): GaugeDefinition<Label> {
  assertMetricName(name, 'gauge');
  return { type: 'gauge', name, help, labelNames };
}

export function histogram<const Label extends string = never>(
  name: string,
  help: string,
  labelNames: readonly Label[],
  buckets: readonly number[],
): HistogramDefinition<Label> {
  assertMetricName(name, 'histogram');
  return { type: 'histogram', name, help, labelNames, buckets };
}
