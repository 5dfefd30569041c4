import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Decay that scales with what changes. `contact_ranks.attention_at` is when a contact's score next needs
 * the decay service (libs/scoring `nextAttentionAt`: a time effect due, or decay moving a published
 * figure; NULL: never), written by every score writer with the rank, and indexed (partially: contacts
 * that never need attention are not in it) so a pass reads only the contacts due by its time.
 * `contact_ranks` is already rewritten with every score write (its total is indexed), so the extra
 * index costs its own entry and no HOT update; `contact_scores` stays primary-key only.
 *
 * `decay_runs.mode` is how a pass reads its contacts: `all` in contact-id ranges (resumable after
 * `last_contact_id`), or `due` through the index in (attention_at, contact_id) order (resumable from the
 * start: what a pass advanced is no longer due). `model_version` is the version the pass began with. `attention_model_version` is the model version every contact's `attention_at` is known
 * under: NULL after this migration (existing rows have none yet) and after a model changes, so the
 * next pass reads all contacts and writes every attention time, and the passes after it read the due ones.
 */
export class AttentionTimes1765500000000 implements MigrationInterface {
  name = 'AttentionTimes1765500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE contact_ranks ADD COLUMN attention_at timestamptz');
    await queryRunner.query(
      `CREATE INDEX contact_ranks_attention ON contact_ranks (workspace_id, model_id, attention_at, contact_id)
       WHERE attention_at IS NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE decay_runs
         ADD COLUMN mode text NOT NULL DEFAULT 'all' CHECK (mode IN ('all', 'due')),
         ADD COLUMN model_version integer,
         ADD COLUMN attention_model_version integer`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE decay_runs
         DROP COLUMN attention_model_version, DROP COLUMN model_version, DROP COLUMN mode`);
    await queryRunner.query('DROP INDEX IF EXISTS contact_ranks_attention');
    await queryRunner.query('ALTER TABLE contact_ranks DROP COLUMN attention_at');
  }
}
