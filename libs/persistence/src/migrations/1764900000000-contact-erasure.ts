import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Erasure (GDPR/CCPA): a tombstone per erased contact — a hash of workspace and contact key, never the
 * key — and the contact key of each webhook delivery (from its payload's subject) so that an erasure
 * finds the contact's deliveries, and of each audit row's target, by index.
 */
export class ContactErasure1764900000000 implements MigrationInterface {
  name = 'ContactErasure1764900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE erased_contacts (
        workspace_id text NOT NULL,
        contact_hash text NOT NULL,
        erased_at timestamptz NOT NULL,
        erasure_id text NOT NULL,
        PRIMARY KEY (workspace_id, contact_hash)
      )`);
    await queryRunner.query(
      `ALTER TABLE webhook_deliveries ADD COLUMN contact_id text GENERATED ALWAYS AS (payload->>'subject') STORED`,
    );
    await queryRunner.query(
      'CREATE INDEX webhook_deliveries_contact ON webhook_deliveries (workspace_id, contact_id)',
    );
    await queryRunner.query('CREATE INDEX audit_log_target ON audit_log (workspace_id, target)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX IF EXISTS audit_log_target');
    await queryRunner.query('DROP INDEX IF EXISTS webhook_deliveries_contact');
    await queryRunner.query('ALTER TABLE webhook_deliveries DROP COLUMN IF EXISTS contact_id');
    await queryRunner.query('DROP TABLE IF EXISTS erased_contacts');
  }
}
