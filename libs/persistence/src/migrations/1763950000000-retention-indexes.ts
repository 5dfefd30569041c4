import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Indexes the scorer's housekeeping deletes by: processed ids and published outbox rows by age. */
export class RetentionIndexes1763950000000 implements MigrationInterface {
  name = 'RetentionIndexes1763950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX processed_events_processed_at ON processed_events (processed_at)');
    await queryRunner.query(
      'CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS outbox_published_at');
    await queryRunner.query('DROP INDEX IF EXISTS processed_events_processed_at');
  }
}
