/**
 * A reader of the Prometheus text exposition format (version 0.0.4), as the services' prom-client
 * registries write it at /metrics.
 *
 * Written here because no maintained parser of the exposition text is installed in the workspace
 * (`@prometheus-io/lezer-promql` parses PromQL queries, not exposition text) and this needs little:
 * `# HELP` / `# TYPE` lines (other comments, such as OpenMetrics' `# EOF`, are skipped), samples
 * `name{label="value",...} value [timestamp]`, the label-value escapes `\\`, `\"` and `\n`, and the
 * values `+Inf`, `-Inf` and `NaN` (prom-client writes `Nan`). The spec tests run it on prom-client's
 * own output.
 */

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface PrometheusSample {
  /** The sample's own name, e.g. `x_bucket` of the histogram `x`. */
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
  /** Milliseconds since the epoch, when the line gives one. */
  readonly timestampMs?: number;
}

export interface MetricFamily {
  readonly name: string;
  readonly type: MetricType;
  readonly help: string;
  readonly samples: readonly PrometheusSample[];
}

/** One /metrics answer, read. */
export interface PrometheusExposition {
  /** Every family, by name, in the order of the text. */
  readonly families: ReadonlyMap<string, MetricFamily>;
  /** The samples of one sample name (`x_bucket`, `x_count`, a counter's `x_total`), in text order. */
  samples(name: string): readonly PrometheusSample[];
}

export class PrometheusTextError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'PrometheusTextError';
  }
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const TYPES: readonly MetricType[] = ['counter', 'gauge', 'histogram', 'summary', 'untyped'];
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TIMESTAMP = /^-?\d+$/;
/** Sample names a family of each type owns besides its own name. */
const SUFFIXES: Readonly<Record<MetricType, readonly string[]>> = {
  counter: [],
  gauge: [],
  untyped: [],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['_sum', '_count'],
};

interface MutableFamily {
  name: string;
  type: MetricType;
  help: string;
  samples: PrometheusSample[];
}

/** Reads a whole exposition; throws PrometheusTextError naming the first line it cannot read. */
export function parsePrometheusText(text: string): PrometheusExposition {
  const families = new Map<string, MutableFamily>();
  const bySampleName = new Map<string, PrometheusSample[]>();
  const familyOf = (name: string): MutableFamily => {
    let family = families.get(name);
    if (!family) {
      family = { name, type: 'untyped', help: '', samples: [] };
      families.set(name, family);
    }
    return family;
  };
  let current: MutableFamily | undefined;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = (lines[index] ?? '').replace(/\r$/, '');
    const number = index + 1;
    if (line.trim() === '') continue;
    if (line.trimStart().startsWith('#')) {
      const comment = /^\s*#\s+(HELP|TYPE)\s+([a-zA-Z_:][a-zA-Z0-9_:]*)(?:[ \t]+(.*))?$/.exec(line);
      if (!comment) continue;
      const [, keyword, name = '', rest = ''] = comment;
      current = familyOf(name);
      if (keyword === 'HELP') current.help = unescapeHelp(rest);
      else {
        const type = rest.trim() as MetricType;
        if (!TYPES.includes(type)) throw new PrometheusTextError(number, `unknown metric type "${rest}"`);
        current.type = type;
      }
      continue;
    }
    const sample = parseSample(line, number);
    const owner =
      current && (sample.name === current.name || isOwnSuffix(current, sample.name))
        ? current
        : familyOf(sample.name);
    owner.samples.push(sample);
    const named = bySampleName.get(sample.name);
    if (named) named.push(sample);
    else bySampleName.set(sample.name, [sample]);
  }
  return {
    families,
    samples: (name) => bySampleName.get(name) ?? [],
  };
}

function isOwnSuffix(family: MutableFamily, sampleName: string): boolean {
  return SUFFIXES[family.type].some((suffix) => sampleName === family.name + suffix);
}

function unescapeHelp(text: string): string {
  return text.replace(/\\(\\|n)/g, (_, c: string) => (c === 'n' ? '\n' : '\\'));
}

function parseSample(line: string, number: number): PrometheusSample {
  let rest = line.trimStart();
  const name = METRIC_NAME.exec(rest)?.[0];
  if (!name) throw new PrometheusTextError(number, `expected a metric name at "${clip(rest)}"`);
  rest = rest.slice(name.length);
  const labels: Record<string, string> = {};
  rest = rest.replace(/^[ \t]+/, '');
  if (rest.startsWith('{')) {
    rest = rest.slice(1);
    for (;;) {
      rest = rest.replace(/^[ \t]+/, '');
      if (rest.startsWith('}')) break;
      const labelName = LABEL_NAME.exec(rest)?.[0];
      if (!labelName) throw new PrometheusTextError(number, `expected a label name at "${clip(rest)}"`);
      if (Object.hasOwn(labels, labelName))
        throw new PrometheusTextError(number, `label "${labelName}" given twice`);
      rest = rest.slice(labelName.length).replace(/^[ \t]+/, '');
      if (!rest.startsWith('="') && !/^=[ \t]*"/.test(rest))
        throw new PrometheusTextError(number, `expected ="value" after label "${labelName}"`);
      rest = rest.slice(rest.indexOf('"') + 1);
      const { value, length } = readLabelValue(rest, number);
      labels[labelName] = value;
      rest = rest.slice(length).replace(/^[ \t]+/, '');
      if (rest.startsWith(',')) rest = rest.slice(1);
      else if (!rest.startsWith('}'))
        throw new PrometheusTextError(number, `expected , or } after label "${labelName}"`);
    }
    rest = rest.slice(1);
  }
  const fields = rest.trim().split(/[ \t]+/);
  if (fields.length < 1 || fields.length > 2 || fields[0] === '')
    throw new PrometheusTextError(number, `expected a value and an optional timestamp, got "${clip(rest)}"`);
  const [valueText = '', timestampText] = fields;
  const value = parseValue(valueText);
  if (value === undefined) throw new PrometheusTextError(number, `"${clip(valueText)}" is not a number`);
  if (timestampText === undefined) return { name, labels, value };
  if (!TIMESTAMP.test(timestampText))
    throw new PrometheusTextError(number, `"${clip(timestampText)}" is not a timestamp in milliseconds`);
  return { name, labels, value, timestampMs: Number(timestampText) };
}

/** The label value up to its closing quote (escapes `\\`, `\"`, `\n`; another `\x` stays as written). */
function readLabelValue(text: string, number: number): { value: string; length: number } {
  let value = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return { value, length: i + 1 };
    if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined) break;
      value += next === 'n' ? '\n' : next === '\\' || next === '"' ? next : `\\${next}`;
      i++;
    } else value += c;
  }
  throw new PrometheusTextError(number, 'label value without its closing quote');
}

/** A Go float as Prometheus writes it: decimal, `+Inf`/`-Inf`/`Inf`, `NaN` (any case). */
export function parseValue(text: string): number | undefined {
  const lower = text.toLowerCase();
  if (lower === 'nan') return Number.NaN;
  if (lower === '+inf' || lower === 'inf') return Number.POSITIVE_INFINITY;
  if (lower === '-inf') return Number.NEGATIVE_INFINITY;
  return DECIMAL.test(text) ? Number(text) : undefined;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
