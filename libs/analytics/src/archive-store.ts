import type { AnalyticsClient } from './analytics-client.js';
import type { ArchiveRow } from './archive-rows.js';
import { checkedDatabase } from './migrate.js';

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
 */
export class ArchiveStore {
  private readonly db: string;

  constructor(
    private readonly client: AnalyticsClient,
    database: string,
  ) {
    this.db = checkedDatabase(database);
  }

  /** Inserts the batch's rows (per table) and then its next offset; resolves with rows per table. */
  async write(batch: ArchiveBatch): Promise<Map<string, number>> {
    const byTable = new Map<string, Record<string, unknown>[]>();
    for (const { table, row } of batch.rows) {
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
