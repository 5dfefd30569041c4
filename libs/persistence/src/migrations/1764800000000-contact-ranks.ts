import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The read model of leaderboards and score distributions, kept beside `contact_scores` so that table
 * stays primary-key only and its rewrites stay HOT (see 1764200000000):
 * - `contact_ranks`: one narrow row per scored contact and model (no state, no TOAST), with the unrounded
 *   total and an index in leaderboard order. Tier is the third index column ('' when the model has
 *   none, never NULL), so a tier filter is one index range and an unfiltered page merges four.
 * - `score_histogram`: contacts per 1-point bucket of the total, as sharded counters (one writer per
 *   shard: a scorer partition, the decay leader, this backfill), so no two writers wait on one counter
 *   row. A shard's count may go negative; the sum over shards is exact.
 * Both are written with `contact_scores` in one transaction (contactRankRepository.write).
 * The backfill ranks existing contacts by their stored (rounded) total until their next write.
 */
export class ContactRanks1764800000000 implements MigrationInterface {
  name = 'ContactRanks1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE contact_ranks (
        workspace_id text NOT NULL,
        model_id text NOT NULL,
        contact_id text NOT NULL,
        total double precision NOT NULL,
        tier text NOT NULL CHECK (tier IN ('', 'cold', 'warm', 'hot')),
        grade text,
        model_version integer NOT NULL,
        as_of timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, model_id, contact_id)
      ) WITH (fillfactor = 80)`);
    await queryRunner.query(
      `CREATE INDEX contact_ranks_order ON contact_ranks (workspace_id, model_id, tier, total DESC, contact_id DESC)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION score_bucket(total double precision) RETURNS integer
        IMMUTABLE PARALLEL SAFE LANGUAGE sql
        RETURN greatest(-1000000, least(1000000, floor(total)))::integer`);
    await queryRunner.query(`
      CREATE TABLE score_histogram (
        workspace_id text NOT NULL,
        model_id text NOT NULL,
        shard text NOT NULL,
        bucket integer NOT NULL,
        contacts bigint NOT NULL,
        PRIMARY KEY (workspace_id, model_id, shard, bucket)
      )`);
    await queryRunner.query(`
      INSERT INTO contact_ranks (workspace_id, model_id, contact_id, total, tier, grade, model_version, as_of)
      SELECT workspace_id, model_id, contact_id, total, coalesce(tier, ''), grade, model_version, updated_at
      FROM contact_scores`);
    await queryRunner.query(`
      INSERT INTO score_histogram (workspace_id, model_id, shard, bucket, contacts)
      SELECT workspace_id, model_id, 'backfill', score_bucket(total), count(*)
      FROM contact_ranks GROUP BY workspace_id, model_id, score_bucket(total)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS score_histogram');
    await queryRunner.query('DROP FUNCTION IF EXISTS score_bucket(double precision)');
    await queryRunner.query('DROP TABLE IF EXISTS contact_ranks');
  }
}
