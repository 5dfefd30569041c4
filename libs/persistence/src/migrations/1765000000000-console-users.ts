import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * People of a workspace who sign in to the console: users with a role and a scrypt password hash,
 * invitations (a token's SHA-256, never the token) and sessions (the cookie token's SHA-256 and the
 * session's CSRF token). Removing a user ends their sessions; removing a workspace removes all three.
 */
export class ConsoleUsers1765000000000 implements MigrationInterface {
  name = 'ConsoleUsers1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE console_users (
        id text PRIMARY KEY,
        workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        email text NOT NULL,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        last_sign_in_at timestamptz,
        UNIQUE (workspace_id, email)
      )`);
    await queryRunner.query(`
      CREATE TABLE console_invitations (
        id text PRIMARY KEY,
        workspace_id text NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
        email text NOT NULL,
        role text NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
        token_hash bytea NOT NULL UNIQUE,
        created_at timestamptz NOT NULL,
        created_by text NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz
      )`);
    await queryRunner.query(
      'CREATE INDEX console_invitations_workspace ON console_invitations (workspace_id, created_at DESC)',
    );
    await queryRunner.query(`
      CREATE TABLE console_sessions (
        token_hash bytea PRIMARY KEY,
        user_id text NOT NULL REFERENCES console_users (id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await queryRunner.query('CREATE INDEX console_sessions_user ON console_sessions (user_id)');
    await queryRunner.query('CREATE INDEX console_sessions_expiry ON console_sessions (expires_at)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE IF EXISTS console_sessions');
    await queryRunner.query('DROP TABLE IF EXISTS console_invitations');
    await queryRunner.query('DROP TABLE IF EXISTS console_users');
  }
}
