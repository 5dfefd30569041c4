import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Models applied through the api (issue #20) keep, beside the validated document, the text they were
 * sent as (`source`, YAML or JSON: `source_format`) and the key that applied them (`applied_by`). All
 * three are NULL for a version the scorer recorded from leads.models.v1 without the api (the local
 * stack's sample model); the scorer's own record of a version the api recorded is a no-op (ON CONFLICT
 * DO NOTHING), so it never loses them.
 */
export class ScoringModelSources1764700000000 implements MigrationInterface {
  name = 'ScoringModelSources1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE scoring_models
        ADD COLUMN source text,
        ADD COLUMN source_format text CHECK (source_format IN ('yaml', 'json')),
        ADD COLUMN applied_by text,
        ADD CONSTRAINT scoring_models_source_and_format CHECK ((source IS NULL) = (source_format IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE scoring_models
        DROP CONSTRAINT scoring_models_source_and_format,
        DROP COLUMN applied_by,
        DROP COLUMN source_format,
        DROP COLUMN source`);
  }
}
