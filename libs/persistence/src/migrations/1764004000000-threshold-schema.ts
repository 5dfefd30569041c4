import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The threshold service's tables: lifecycle state per contact and model, webhook subscriptions, deliveries. */
export class ThresholdSchema1764004000000 implements MigrationInterface {
  name = 'ThresholdSchema1764004000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE lifecycle_states (
        workspace_id text NOT NULL,
        model_id text NOT NULL,
        contact_id text NOT NULL,
        stage text NOT NULL CHECK (stage IN ('lead', 'recycled', 'mql', 'sql')),
        tier text NOT NULL CHECK (tier IN ('cold', 'warm', 'hot')),
        grade text,
        sales_accepted boolean NOT NULL DEFAULT false,
        last_sequence bigint NOT NULL,
        model_version integer NOT NULL,
        scores jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (workspace_id, model_id, contact_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX lifecycle_states_stage ON lifecycle_states (workspace_id, model_id, stage)`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_subscriptions (
        id text PRIMARY KEY,
        workspace_id text NOT NULL,
        url text NOT NULL,
        secrets text[] NOT NULL CHECK (cardinality(secrets) BETWEEN 1 AND 2),
        events text[] NOT NULL,
        tiers text[],
        stages text[],
        enabled boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_subscriptions_workspace ON webhook_subscriptions (workspace_id) WHERE enabled`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_deliveries (
        id bigserial PRIMARY KEY,
        webhook_id text NOT NULL,
        subscription_id text NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
        workspace_id text NOT NULL,
        event_id text NOT NULL,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        lease_until timestamptz,
        last_error text,
        created_at timestamptz NOT NULL,
        delivered_at timestamptz,
        dead_lettered_at timestamptz,
        UNIQUE (subscription_id, webhook_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_dead ON webhook_deliveries (workspace_id, dead_lettered_at) WHERE status = 'dead'`,
    );
    await queryRunner.query(`
      CREATE TABLE webhook_delivery_attempts (
        id bigserial PRIMARY KEY,
        delivery_id bigint NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        attempt integer NOT NULL,
        started_at timestamptz NOT NULL,
        latency_ms double precision NOT NULL,
        status_code integer,
        outcome text NOT NULL,
        response_excerpt text,
        error text
      )`);
    await queryRunner.query(
      `CREATE INDEX webhook_delivery_attempts_delivery ON webhook_delivery_attempts (delivery_id, attempt)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'webhook_delivery_attempts',
      'webhook_deliveries',
      'webhook_subscriptions',
      'lifecycle_states',
    ]) {
      await queryRunner.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
