import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnalyticsClient } from './analytics-client.js';
import type { ClickHouseTime } from './clickhouse-time.js';
import { checkedDatabase } from './migrate.js';

/** libs/analytics/queries/, from src/ (tests) and dist/ (services) alike. */
const QUERIES_DIR = fileURLToPath(new URL('../queries/', import.meta.url));

/**
 * A named query: a reviewable `.sql` file in libs/analytics/queries with `{database}` and ClickHouse
 * parameters (`{name:Type}`), its parameters' and its rows' types. Values travel as parameters, never in
 * the text.
 */
export interface NamedQuery<Params extends Record<string, string | number>, Row> {
  readonly file: string;
  /** Phantom: the types a caller passes and gets. */
  readonly types?: { readonly params: Params; readonly row: Row };
}

function named<Params extends Record<string, string | number>, Row>(file: string): NamedQuery<Params, Row> {
  return { file };
}

export interface ScoreHistoryRow {
  readonly model: string;
  readonly model_version: number;
  readonly sequence: string;
  readonly time: ClickHouseTime;
  readonly source: string;
  readonly cause: string;
  readonly cause_event_id: string;
  readonly fit: number;
  readonly engagement: number;
  readonly total: number;
  readonly previous_total: number | null;
  readonly tier: string;
  readonly grade: string;
  /** JSON text of the change's contributions. */
  readonly contributions: string;
}

export interface TimelineRow {
  readonly time: ClickHouseTime;
  readonly type: string;
  readonly id: string;
  readonly source: string;
  /** Empty when the event changed no score. */
  readonly model: string;
  readonly points: number;
  readonly rules: readonly string[];
}

export interface EventsPerDayRow {
  readonly day: string;
  readonly type: string;
  readonly events: string;
}

export interface DeadLettersRow {
  readonly reason: string;
  readonly source_topic: string;
  readonly records: string;
  readonly latest: ClickHouseTime;
  readonly example: string;
}

/** One row: contacts 0 when no contact had a score at the time. */
export interface DistributionAtRow {
  readonly contacts: string;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** p1, p5, p10, p25, p50, p75, p90, p95, p99. */
  readonly percentiles: readonly number[];
  /** [bucket starts, contacts]. */
  readonly histogram: readonly [readonly number[], readonly string[]];
  /** [tiers ('' for none), contacts]. */
  readonly tiers: readonly [readonly string[], readonly string[]];
}

export interface LeadFunnelRow {
  readonly cohort_week: string;
  readonly leads: string;
  readonly mqls: string;
  readonly sqls: string;
  readonly to_mql_median_ms: string | null;
  readonly to_mql_p90_ms: string | null;
}

export interface TopRuleRow {
  readonly rule: string;
  readonly kind: string;
  readonly awards: string;
  readonly contacts: string;
  readonly points: number;
}

export interface ContactEventRow {
  readonly id: string;
  readonly source: string;
  readonly type: string;
  readonly time: ClickHouseTime;
  /** JSON text of the event's data. */
  readonly data: string;
}

export interface ReplayEventRow extends ContactEventRow {
  readonly contact: string;
  readonly partition: number;
  /** Kafka offset (int64) as decimal text. */
  readonly offset: string;
}

/** The same columns as a replay's: a rescore needs each event's position. */
export type ReplayContactEventRow = ReplayEventRow;

/** One row: null when the workspace has no archived event. */
export interface OldestEventRow {
  readonly oldest: ClickHouseTime | null;
  /** Contacts the archive holds for the workspace (UInt64 as text or number, as ClickHouse answers). */
  readonly contacts: string | number;
}

export interface ContactLifecycleChangeRow {
  readonly model: string;
  readonly time: ClickHouseTime;
  readonly id: string;
  readonly kind: string;
  readonly previous: string;
  readonly current: string;
  /** Named tiers of a tier transition under a model with named tiers ('' otherwise). */
  readonly previousName: string;
  readonly currentName: string;
  readonly cause: string;
  readonly sequence: string;
}

type Contact = { workspace: string; contact: string };
type ModelPeriod = Period & { model: string };
type Period = { workspace: string; from: string; to: string };

/** Every named query of the archive. */
export const AnalyticsQueries = {
  contactScoreHistory: named<Contact & { model: string; limit: number }, ScoreHistoryRow>(
    'contact-score-history.sql',
  ),
  contactTimeline: named<Contact & { limit: number }, TimelineRow>('contact-timeline.sql'),
  contactEvents: named<Contact & { limit: number }, ContactEventRow>('contact-events.sql'),
  replayEvents: named<{ workspace: string; contacts: string; limit: number }, ReplayEventRow>(
    'replay-events.sql',
  ),
  replayContacts: named<
    { workspace: string; after: string; contacts: number; limit: number },
    ReplayContactEventRow
  >('replay-contacts.sql'),
  oldestEvent: named<{ workspace: string }, OldestEventRow>('oldest-event.sql'),
  contactLifecycleChanges: named<Contact & { limit: number }, ContactLifecycleChangeRow>(
    'contact-lifecycle-changes.sql',
  ),
  eventsPerTypePerDay: named<Period, EventsPerDayRow>('events-per-type-per-day.sql'),
  deadLettersByReason: named<Period, DeadLettersRow>('dead-letters-by-reason.sql'),
  scoreDistributionAt: named<
    { workspace: string; model: string; at: string; width: number },
    DistributionAtRow
  >('score-distribution-at.sql'),
  leadFunnel: named<ModelPeriod, LeadFunnelRow>('lead-funnel.sql'),
  topRules: named<ModelPeriod & { limit: number }, TopRuleRow>('top-rules.sql'),
} as const;

/** Runs the named queries against the archive in `database`. */
export class AnalyticsQueryRunner {
  private readonly db: string;
  private readonly texts = new Map<string, string>();

  constructor(
    private readonly client: AnalyticsClient,
    database: string,
    private readonly dir = QUERIES_DIR,
  ) {
    this.db = checkedDatabase(database);
  }

  /** The query's SQL for this database (read once per file). */
  sql(query: NamedQuery<Record<string, string | number>, unknown>): string {
    let text = this.texts.get(query.file);
    if (text === undefined) {
      text = readFileSync(`${this.dir}/${query.file}`, 'utf8').replaceAll('{database}', this.db);
      this.texts.set(query.file, text);
    }
    return text;
  }

  async run<Params extends Record<string, string | number>, Row>(
    query: NamedQuery<Params, Row>,
    params: Params,
  ): Promise<Row[]> {
    const result = await this.client.query({
      query: this.sql(query),
      query_params: params,
      format: 'JSONEachRow',
    });
    return result.json<Row>();
  }

  /**
   * What the query reads: `EXPLAIN indexes = 1` as text lines, e.g. `Granules: 2/31` under the primary
   * key of each table it reads (for tests that a contact's history does not scan the table).
   */
  async explainIndexes<Params extends Record<string, string | number>>(
    query: NamedQuery<Params, unknown>,
    params: Params,
  ): Promise<string[]> {
    const result = await this.client.query({
      query: `EXPLAIN indexes = 1 ${this.sql(query)}`,
      query_params: params,
      format: 'JSONEachRow',
    });
    return (await result.json<{ explain: string }>()).map((row) => row.explain);
  }
}
