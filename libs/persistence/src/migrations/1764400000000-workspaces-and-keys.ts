import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Workspaces, their API keys and the audit log of admin actions (issue #20), owned by the api service.
 * A key is stored as the SHA-256 of the whole key only: keys carry 256 random bits, so a fast hash is
 * right (a slow password hash protects guessable secrets and would cost every request); the unique
 * index on the hash is the lookup of every authenticated request. `prefix` is what people see to
 * recognise a key. Publishable keys are visible in web pages, so they only ever write events.
 */
export class WorkspacesAndKeys1764400000000 implements MigrationInterface {
  name = 'WorkspacesAndKeys1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE workspaces (
        id text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9_-]{0,63}$'),
        name text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE api_keys (
        id text PRIMARY KEY,
        workspace_id text NOT NULL REFERENCES workspaces (id),
        kind text NOT NULL CHECK (kind IN ('publishable', 'secret')),
        name text,
        scopes text[] NOT NULL CHECK (
          cardinality(scopes) > 0 AND scopes <@ ARRAY['events:write', 'read', 'admin']::text[]
        ),
        key_hash bytea NOT NULL UNIQUE CHECK (length(key_hash) = 32),
        prefix text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        revoked_at timestamptz,
        last_used_at timestamptz,
        CONSTRAINT api_keys_publishable_write_only CHECK (kind = 'secret' OR scopes = ARRAY['events:write']::text[])
      )`);
    await queryRunner.query('CREATE INDEX api_keys_workspace ON api_keys (workspace_id, created_at, id)');
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        workspace_id text NOT NULL REFERENCES workspaces (id),
        actor text NOT NULL,
        action text NOT NULL,
        target text,
        details jsonb NOT NULL DEFAULT '{}',
        at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX audit_log_workspace ON audit_log (workspace_id, id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_log');
    await queryRunner.query('DROP TABLE api_keys');
    await queryRunner.query('DROP TABLE workspaces');
  }
}
