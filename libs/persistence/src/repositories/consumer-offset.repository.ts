import { type SqlRunner } from './sql-types.js';

export interface PartitionOffset {
  partition: number;
  /** The next offset to consume (last processed + 1), as a decimal string (Kafka offsets are int64). */
  nextOffset: string;
}

/** Kafka offsets stored beside the state they produced, so state and position commit atomically. */
export const consumerOffsetRepository = {
  async load(sql: SqlRunner, consumerGroup: string, topic: string): Promise<Map<number, string>> {
    const rows = await sql.query<{ partition: number; next_offset: string }[]>(
      'SELECT partition, next_offset::text AS next_offset FROM consumer_offsets WHERE consumer_group = $1 AND topic = $2',
      [consumerGroup, topic],
    );
    return new Map(rows.map((row) => [row.partition, row.next_offset]));
  },

  /**
   * The stored next offset of one partition, row-locked until the transaction ends: a member evicted
   * from the group that still finishes a batch sees the new owner's progress and skips what it did.
   */
  async lockPartition(
    sql: SqlRunner,
    consumerGroup: string,
    topic: string,
    partition: number,
  ): Promise<string | undefined> {
    const rows = await sql.query<{ next_offset: string }[]>(
      `SELECT next_offset::text AS next_offset FROM consumer_offsets
       WHERE consumer_group = $1 AND topic = $2 AND partition = $3 FOR UPDATE`,
      [consumerGroup, topic, partition],
    );
    return rows[0]?.next_offset;
  },

  /** Upserts many partitions' offsets in one statement; an offset never moves backwards. */
  async save(
    sql: SqlRunner,
    consumerGroup: string,
    topic: string,
    offsets: PartitionOffset[],
  ): Promise<void> {
    if (offsets.length === 0) return;
    await sql.query(
      `INSERT INTO consumer_offsets (consumer_group, topic, partition, next_offset, updated_at)
       SELECT $1, $2, p, o, now() FROM UNNEST($3::int[], $4::bigint[]) AS t(p, o)
       ON CONFLICT (consumer_group, topic, partition)
       DO UPDATE SET next_offset = GREATEST(consumer_offsets.next_offset, EXCLUDED.next_offset), updated_at = now()`,
      [consumerGroup, topic, offsets.map((o) => o.partition), offsets.map((o) => o.nextOffset)],
    );
  },
};
