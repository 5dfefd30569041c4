import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Dedupe on the CloudEvents key (workspace, source, id): ids are unique per source only, so two events
 * that share an id across sources are both applied. Ids recorded before this migration have no source:
 * they keep the source '' and still stand for an event of that id from any source (claim checks the
 * partial index below), until the retention pass ages them out; the partial index then stays empty,
 * and new rows (whose source is never empty) never enter it.
 */
export class ProcessedEventsSource1764300000000 implements MigrationInterface {
  name = 'ProcessedEventsSource1764300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE processed_events ADD COLUMN source text NOT NULL DEFAULT ''`);
    await queryRunner.query(
      'ALTER TABLE processed_events DROP CONSTRAINT processed_events_pkey, ADD PRIMARY KEY (workspace_id, source, event_id)',
    );
    await queryRunner.query(
      `CREATE INDEX processed_events_without_source ON processed_events (workspace_id, event_id) WHERE source = ''`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS processed_events_without_source');
    // Back to one row per (workspace, id): of ids recorded for several sources one row stays.
    await queryRunner.query(
      `DELETE FROM processed_events p USING processed_events q
       WHERE p.workspace_id = q.workspace_id AND p.event_id = q.event_id AND p.source > q.source`,
    );
    await queryRunner.query(
      'ALTER TABLE processed_events DROP CONSTRAINT processed_events_pkey, ADD PRIMARY KEY (workspace_id, event_id)',
    );
    await queryRunner.query('ALTER TABLE processed_events DROP COLUMN source');
  }
}
