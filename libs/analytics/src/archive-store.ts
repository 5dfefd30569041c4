import type { AnalyticsClient } from './analytics-client.js';
import { contactHashOf } from '@leadscore/contracts';
import { CONTACT_TABLES, ERASED_CONTACTS_TABLE, type ArchiveRow } from './archive-rows.js';
import { clickHouseTimeOf, isoTimeOf } from './clickhouse-time.js';
import { onClusterOf, storageTableOf } from './cluster.js';
import { checkedDatabase } from './migrate.js';

/** How far back each look for new tombstones reaches past the newest seen (inserts finishing late). */
const ERASURE_LOOKBACK_MS = 60_000;

type Erasure = { readonly workspace: string; readonly contact: string; readonly erasedAt: string };

/** One consumed batch of one partition, as the archive writes it. */
export interface ArchiveBatch {
  readonly consumerGroup: string;
  readonly topic: string;
  readonly partition: number;
  readonly firstOffset: string;
  /** The offset after the batch's last record: where the partition resumes. */
  readonly nextOffset: string;
  readonly rows: readonly ArchiveRow[];
}

/**
 * Writes to and reads from the archive in `database`. Exactly once in effect: a batch's rows go in one
 * insert per table with a deduplication token naming the batch's offsets (the table drops a block whose
 * token it has seen: a batch retried after a crash), then the partition's next offset; a restart resumes
 * from that offset. A crash between the two, or a batch cut differently after a rebalance, can insert a
 * row again: the tables collapse it by key and every query reads FINAL, so no query counts it twice.
 *
 * Erasure: a `contact.erased` row becomes a tombstone (no contact key, a hash) and deletes the contact's
 * rows dated at or before it from every contact table; rows of a tombstoned contact so dated are never
 * inserted again (a replay, a score change in flight). Tombstones written by another batch or process
 * are learned from the archive before each insert, and again after it: a row that was inserted while
 * its contact was being erased elsewhere is deleted then.
 */
export class ArchiveStore {
  private readonly db: string;
  /** Erasure time (ClickHouse text, which sorts as time) by contact hash, per workspace. */
  private readonly erased = new Map<string, Map<string, string>>();
  private learnedUpTo = '1970-01-01 00:00:00.000';

  constructor(
    private readonly client: AnalyticsClient,
    database: string,
    private readonly options: { readonly cluster?: string | undefined } = {},
  ) {
    this.db = checkedDatabase(database);
  }

  /** Inserts the batch's rows (per table) and then its next offset; resolves with rows per table. */
  async write(batch: ArchiveBatch): Promise<Map<string, number>> {
    await this.learnErasures();
    const erasures = batch.rows.flatMap((row) => (row.erasure ? [row.erasure] : []));
    for (const { workspace, contact, erasedAt } of erasures)
      this.remember(workspace, contactHashOf(workspace, contact), erasedAt);
    const kept = batch.rows.filter((row) => this.erasureOf(row) === undefined);
    const byTable = new Map<string, Record<string, unknown>[]>();
    for (const { table, row } of kept) {
      const rows = byTable.get(table) ?? [];
      rows.push(row);
      byTable.set(table, rows);
    }
    const counts = new Map<string, number>();
    for (const [table, values] of byTable) {
      await this.client.insert({
        table: `${this.db}.${table}`,
        values,
        format: 'JSONEachRow',
        clickhouse_settings: {
          insert_deduplication_token: `${batch.topic}/${batch.partition}/${batch.firstOffset}-${batch.nextOffset}/${table}`,
        },
      });
      counts.set(table, values.length);
    }
    // This batch's erasures, and any learned meanwhile that cover rows just inserted.
    await this.learnErasures();
    const late = kept.flatMap((row) => this.erasureOf(row) ?? []);
    for (const erasure of uniqueContacts([...erasures, ...late])) await this.deleteRowsOf(erasure);
    await this.client.insert({
      table: `${this.db}.archive_offsets`,
      values: [
        {
          consumer_group: batch.consumerGroup,
          topic: batch.topic,
          partition: batch.partition,
          next_offset: batch.nextOffset,
        },
      ],
      format: 'JSONEachRow',
    });
    return counts;
  }

  /** The erasure covering a contact table's row (its contact erased at or after its time), if any. */
  private erasureOf({ table, row }: ArchiveRow): Erasure | undefined {
    if (table === ERASED_CONTACTS_TABLE) return undefined;
    const workspace = String(row['workspace'] ?? '');
    const erased = this.erased.get(workspace);
    const contact = row['contact'];
    if (erased === undefined || typeof contact !== 'string') return undefined;
    const erasedAt = erased.get(contactHashOf(workspace, contact));
    return erasedAt !== undefined && String(row['time']) <= erasedAt
      ? { workspace, contact, erasedAt }
      : undefined;
  }

  private remember(workspace: string, contactHash: string, erasedAt: string): void {
    const erased = this.erased.get(workspace) ?? new Map<string, string>();
    if ((erased.get(contactHash) ?? '') < erasedAt) erased.set(contactHash, erasedAt);
    this.erased.set(workspace, erased);
  }

  /** Tombstones archived since the last look (by any batch or process), into memory. */
  private async learnErasures(): Promise<void> {
    const since = clickHouseTimeOf(Date.parse(isoTimeOf(this.learnedUpTo)) - ERASURE_LOOKBACK_MS);
    const result = await this.client.query({
      query: `SELECT workspace, contact_hash, max(erased_at) AS erased_until, max(archived_at) AS last_archived
              FROM ${this.db}.${ERASED_CONTACTS_TABLE}
              WHERE archived_at >= {since:DateTime64(3, 'UTC')}
              GROUP BY workspace, contact_hash`,
      query_params: { since },
      format: 'JSONEachRow',
    });
    for (const row of await result.json<{
      workspace: string;
      contact_hash: string;
      erased_until: string;
      last_archived: string;
    }>()) {
      this.remember(row.workspace, row.contact_hash, row.erased_until);
      if (row.last_archived > this.learnedUpTo) this.learnedUpTo = row.last_archived;
    }
  }

  /** Deletes the contact's rows dated at or before its erasure from every contact table. */
  private async deleteRowsOf({ workspace, contact, erasedAt }: Erasure): Promise<void> {
    const cluster = this.options.cluster;
    for (const table of CONTACT_TABLES)
      await this.client.command({
        // A lightweight delete: the rows are gone for every query at once, and from disk when their parts
        // merge. On a cluster it runs on each shard's local table.
        query: `DELETE FROM ${this.db}.${storageTableOf(table, cluster)}${onClusterOf(cluster)}
                WHERE workspace = {workspace:String} AND contact = {contact:String}
                  AND time <= {erasedAt:DateTime64(3, 'UTC')}`,
        query_params: { workspace, contact, erasedAt },
      });
  }

  /** The offset each partition of `topic` resumes from, as the archive recorded it. */
  async nextOffsets(consumerGroup: string, topic: string): Promise<Map<number, string>> {
    const result = await this.client.query({
      query: `SELECT partition, max(next_offset) AS next_offset FROM ${this.db}.archive_offsets
              WHERE consumer_group = {group:String} AND topic = {topic:String} GROUP BY partition`,
      query_params: { group: consumerGroup, topic },
      format: 'JSONEachRow',
    });
    const rows = await result.json<{ partition: number; next_offset: string }>();
    return new Map(rows.map((row) => [Number(row.partition), String(row.next_offset)]));
  }
}

/** One erasure per contact: the latest. */
function uniqueContacts(erasures: readonly Erasure[]): Erasure[] {
  const latest = new Map<string, Erasure>();
  for (const erasure of erasures) {
    const key = `${erasure.workspace}\u0000${erasure.contact}`;
    if ((latest.get(key)?.erasedAt ?? '') < erasure.erasedAt) latest.set(key, erasure);
  }
  return [...latest.values()];
}
