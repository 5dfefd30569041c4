import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Named tiers (model `tiers` as a list): the threshold service keeps each contact's named tier beside
 * its v1 tier (cold, warm or hot, which stays as it was), so that a model's named steps are walked from
 * where the contact stands. NULL under models with cold/warm/hot tiers.
 */
export class NamedTiers1765100000000 implements MigrationInterface {
  name = 'NamedTiers1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE lifecycle_states
        ADD COLUMN tier_name text CHECK (tier_name ~ '^[a-z][a-z0-9-]{0,31}$')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE lifecycle_states DROP COLUMN tier_name');
  }
}
