import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A published watermark per outbox source instead of an UPDATE of `published_at` per row: every row of
 * a source with an id up to `published_through_id` is published. Sound because the writers of one source
 * commit their ids in order (enqueue takes a transaction lock per source). Rows marked published by
 * `published_at` before this migration stay published. `outbox_pending` is what is left to publish.
 * A row may also hold a batch of messages (batch_size, see outboxRepository.enqueueBatch).
 */
export class OutboxCursors1764100000000 implements MigrationInterface {
  name = 'OutboxCursors1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_cursors (
        source text PRIMARY KEY,
        published_through_id bigint NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      INSERT INTO outbox_cursors (source, published_through_id, updated_at)
      SELECT source, coalesce(min(id) FILTER (WHERE published_at IS NULL) - 1, max(id)), now()
      FROM outbox GROUP BY source`);
    // A batch row (batch_size not null) carries a whole transaction's messages as one JSON array.
    await queryRunner.query('ALTER TABLE outbox ADD COLUMN batch_size integer');
    await queryRunner.query(`
      CREATE VIEW outbox_pending AS
      SELECT o.* FROM outbox o
      WHERE o.published_at IS NULL
        AND o.id > coalesce((SELECT c.published_through_id FROM outbox_cursors c WHERE c.source = o.source), 0)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      UPDATE outbox o SET published_at = c.updated_at FROM outbox_cursors c
      WHERE o.source = c.source AND o.id <= c.published_through_id AND o.published_at IS NULL`);
    await queryRunner.query('DROP VIEW IF EXISTS outbox_pending');
    await queryRunner.query('DROP TABLE IF EXISTS outbox_cursors');
    await queryRunner.query('ALTER TABLE outbox DROP COLUMN IF EXISTS batch_size');
  }
}
