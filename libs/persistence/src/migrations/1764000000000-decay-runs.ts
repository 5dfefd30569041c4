import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The decay service's progress per model: the time a pass decays to and how far through the contacts it got. */
export class DecayRuns1764000000000 implements MigrationInterface {
  name = 'DecayRuns1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE decay_runs (
        workspace_id text NOT NULL,
        model_id text NOT NULL,
        target_at timestamptz NOT NULL,
        last_contact_id text,
        started_at timestamptz NOT NULL,
        completed_at timestamptz,
        PRIMARY KEY (workspace_id, model_id)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS decay_runs');
  }
}
