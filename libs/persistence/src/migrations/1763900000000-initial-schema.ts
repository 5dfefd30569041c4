import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE contact_scores (
        workspace_id text NOT NULL,
        model_id text NOT NULL,
        contact_id text NOT NULL,
        model_version integer NOT NULL,
        sequence bigint NOT NULL,
        fit double precision NOT NULL,
        engagement double precision NOT NULL,
        total double precision NOT NULL,
        tier text,
        grade text,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, model_id, contact_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX contact_scores_leaderboard ON contact_scores (workspace_id, model_id, total)`,
    );
    await queryRunner.query(`
      CREATE TABLE processed_events (
        workspace_id text NOT NULL,
        event_id text NOT NULL,
        processed_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, event_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE consumer_offsets (
        consumer_group text NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        next_offset bigint NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (consumer_group, topic, partition)
      )`);
    await queryRunner.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        event_id text NOT NULL UNIQUE,
        source text NOT NULL,
        topic text NOT NULL,
        message_key text NOT NULL,
        payload jsonb NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL,
        published_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX outbox_unpublished ON outbox (source, id) WHERE published_at IS NULL`,
    );
    await queryRunner.query(`
      CREATE TABLE contact_profiles (
        workspace_id text NOT NULL,
        contact_id text NOT NULL,
        traits jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, contact_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE scoring_models (
        workspace_id text NOT NULL,
        model_id text NOT NULL,
        version integer NOT NULL,
        document jsonb NOT NULL,
        applied_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, model_id, version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'scoring_models',
      'outbox',
      'consumer_offsets',
      'processed_events',
      'contact_scores',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
