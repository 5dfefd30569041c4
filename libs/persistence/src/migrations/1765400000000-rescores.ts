import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Rescores of a model version (services/scorer `src/rescore/`): one row per run, its progress and counts
 * updated in the transaction of each switch, so a crash resumes after the last contact switched. At most
 * one queued or running rescore per model; a model's first application starts at most one.
 */
export class Rescores1765400000000 implements MigrationInterface {
  name = 'Rescores1765400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE rescores (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        workspace_id text NOT NULL,
        model_id text NOT NULL,
        version integer NOT NULL,
        dry_run boolean NOT NULL,
        reason text NOT NULL CHECK (reason IN ('requested', 'first-apply')),
        status text NOT NULL CHECK (status IN ('queued', 'running', 'cancelled', 'done', 'failed', 'superseded')),
        transitions_per_second double precision NOT NULL CHECK (transitions_per_second > 0),
        contacts_done bigint NOT NULL DEFAULT 0,
        contacts_total bigint,
        cursor text,
        replayed_events bigint NOT NULL DEFAULT 0,
        changed_contacts bigint NOT NULL DEFAULT 0,
        unchanged_contacts bigint NOT NULL DEFAULT 0,
        skipped_contacts bigint NOT NULL DEFAULT 0,
        score_changes bigint NOT NULL DEFAULT 0,
        tier_transitions bigint NOT NULL DEFAULT 0,
        stage_transitions bigint NOT NULL DEFAULT 0,
        webhooks bigint NOT NULL DEFAULT 0,
        history_from timestamptz,
        history_until timestamptz,
        error text,
        lease_owner text,
        lease_until timestamptz,
        created_at timestamptz NOT NULL,
        started_at timestamptz,
        updated_at timestamptz NOT NULL,
        finished_at timestamptz
      )`);
    await queryRunner.query(
      'CREATE INDEX rescores_by_model ON rescores (workspace_id, model_id, created_at DESC)',
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX rescores_one_active ON rescores (workspace_id, model_id)
       WHERE status IN ('queued', 'running')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX rescores_first_apply ON rescores (workspace_id, model_id, version)
       WHERE reason = 'first-apply'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE rescores');
  }
}
