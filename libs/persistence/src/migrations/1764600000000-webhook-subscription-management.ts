import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Webhook subscriptions managed through the api (issue #20): a description, and an end to the overlap
 * of a secret rotation. During a rotation `secrets` holds the new secret and the previous one; the
 * previous one signs beside the new one until `previous_secret_expires_at`, then no more (threshold
 * reads only the valid secrets when it claims a delivery). A row from before this migration that is in
 * a rotation keeps its previous secret one more day.
 */
export class WebhookSubscriptionManagement1764600000000 implements MigrationInterface {
  name = 'WebhookSubscriptionManagement1764600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE webhook_subscriptions ADD COLUMN description text`);
    await queryRunner.query(
      `ALTER TABLE webhook_subscriptions ADD COLUMN previous_secret_expires_at timestamptz`,
    );
    await queryRunner.query(
      `UPDATE webhook_subscriptions SET previous_secret_expires_at = now() + interval '1 day'
       WHERE cardinality(secrets) = 2`,
    );
    await queryRunner.query(
      `ALTER TABLE webhook_subscriptions ADD CONSTRAINT webhook_subscriptions_previous_secret_expiry
       CHECK ((cardinality(secrets) = 2) = (previous_secret_expires_at IS NOT NULL))`,
    );
    // The api lists all of a workspace's subscriptions (the older index covers enabled ones only) and
    // pages through one subscription's deliveries, newest first.
    await queryRunner.query(
      `CREATE INDEX webhook_subscriptions_workspace_all ON webhook_subscriptions (workspace_id, created_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX IF EXISTS webhook_deliveries_subscription`);
    await queryRunner.query(`DROP INDEX IF EXISTS webhook_subscriptions_workspace_all`);
    await queryRunner.query(
      `ALTER TABLE webhook_subscriptions DROP CONSTRAINT IF EXISTS webhook_subscriptions_previous_secret_expiry`,
    );
    await queryRunner.query(
      `ALTER TABLE webhook_subscriptions DROP COLUMN IF EXISTS previous_secret_expires_at`,
    );
    await queryRunner.query(`ALTER TABLE webhook_subscriptions DROP COLUMN IF EXISTS description`);
  }
}
