import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Accounts (companies). `account_profiles` holds an account's traits (its members' `company.*` traits,
 * written by the scorer). `account_members` is what the roll-up remembers of each contact under each
 * model: its account, its last rolled-up engagement (hundredths of a point, exact when summed) and that
 * change's sequence, so each member change counts once; the index gives an account's highest members
 * (max, top-N mean, explanations) without reading the others. `account_scores` is the account's
 * roll-up (member count and engagement sum), its published scores and sequence, and its lifecycle.
 */
export class Accounts1765300000000 implements MigrationInterface {
  name = 'Accounts1765300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE account_profiles (
        workspace_id text NOT NULL,
        account_id text NOT NULL,
        traits jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, account_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE account_members (
        workspace_id text NOT NULL,
        model_id text NOT NULL,
        contact_id text NOT NULL,
        account_id text,
        engagement_centi bigint NOT NULL,
        sequence bigint NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, model_id, contact_id)
      )`);
    await queryRunner.query(`
      CREATE INDEX account_members_highest ON account_members
        (workspace_id, model_id, account_id, engagement_centi DESC, contact_id)
        WHERE account_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE account_scores (
        workspace_id text NOT NULL,
        model_id text NOT NULL,
        account_id text NOT NULL,
        members integer NOT NULL DEFAULT 0 CHECK (members >= 0),
        engagement_sum_centi bigint NOT NULL DEFAULT 0,
        sequence bigint NOT NULL DEFAULT 0,
        model_version integer,
        scores jsonb,
        total double precision,
        stage text NOT NULL DEFAULT 'lead' CHECK (stage IN ('lead', 'mqa')),
        tier text NOT NULL DEFAULT 'cold' CHECK (tier IN ('cold', 'warm', 'hot')),
        tier_name text,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, model_id, account_id)
      ) WITH (fillfactor = 80)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE account_scores');
    await queryRunner.query('DROP TABLE account_members');
    await queryRunner.query('DROP TABLE account_profiles');
  }
}
