import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * A rescore's deferred contacts: those a live event reached after their page was read, left for a
 * later switch (with a fresher read) instead of waiting for the archive under their locks. Kept with
 * the cursor, so a resumed rescore finishes them too.
 */
export class RescoreDeferredContacts1765400000002 implements MigrationInterface {
  name = 'RescoreDeferredContacts1765400000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE rescores ADD COLUMN deferred text[] NOT NULL DEFAULT '{}'");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE rescores DROP COLUMN deferred');
  }
}
