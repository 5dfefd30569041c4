import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Lets a score write be a HOT update (a new row version on the same page, no index entries): the scorer
 * and the decay pass rewrite every touched row, and each such write used to insert into both indexes.
 * - The leaderboard index on (workspace, model, total) goes: no query reads it, and `total` changes on
 *   nearly every write, which alone ruled HOT out.
 * - Pages keep 20 % free for the next version of their rows.
 */
export class ContactScoresHotUpdates1764200000000 implements MigrationInterface {
  name = 'ContactScoresHotUpdates1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS contact_scores_leaderboard');
    await queryRunner.query('ALTER TABLE contact_scores SET (fillfactor = 80)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE contact_scores RESET (fillfactor)');
    await queryRunner.query(
      'CREATE INDEX contact_scores_leaderboard ON contact_scores (workspace_id, model_id, total)',
    );
  }
}
