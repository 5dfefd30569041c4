import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Workspace settings (issue #20), owned by the api service: what lived in environment variables per
 * workspace. `workspace_settings` holds the plain ones (a NULL column is not set: the service's own
 * fallback applies); `provider_secrets` the webhook secrets of SendGrid, Twilio, Zoom and Mailgun,
 * sealed with AES-256-GCM (libs/access SettingsCipher): the key they were sealed under (`key_id`, so
 * a rotation can find them), the nonce, and the ciphertext with its tag. The workspace and provider
 * are bound into the ciphertext, so a row copied to another workspace does not decrypt. `hint` (the
 * secret's last characters) lets people recognise a secret without it being shown.
 */
export class WorkspaceSettings1764500000000 implements MigrationInterface {
  name = 'WorkspaceSettings1764500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE workspace_settings (
        workspace_id text PRIMARY KEY REFERENCES workspaces (id),
        time_zone text,
        default_country text CHECK (default_country ~ '^[A-Z]{2}$'),
        tracking_form_fields text[] CHECK (cardinality(tracking_form_fields) <= 100),
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE provider_secrets (
        workspace_id text NOT NULL REFERENCES workspaces (id),
        provider text NOT NULL CHECK (provider IN ('sendgrid', 'twilio', 'zoom', 'mailgun')),
        key_id text NOT NULL,
        nonce bytea NOT NULL CHECK (length(nonce) = 12),
        ciphertext bytea NOT NULL CHECK (length(ciphertext) >= 16),
        hint text NOT NULL,
        updated_at timestamptz NOT NULL,
        updated_by text NOT NULL,
        PRIMARY KEY (workspace_id, provider)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE provider_secrets');
    await queryRunner.query('DROP TABLE workspace_settings');
  }
}
