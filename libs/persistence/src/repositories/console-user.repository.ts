import { type ConsoleRole, type WorkspaceId } from '@leadscore/access';
import { returnedRows, type SqlRunner } from './sql-types.js';

/** A person who signs in to the console; the password only as its scrypt hash. */
export interface ConsoleUserRow {
  id: string;
  workspaceId: WorkspaceId;
  /** Lower-cased. */
  email: string;
  name: string;
  role: ConsoleRole;
  passwordHash: string;
  createdAt: Date;
  /** The invitation's id the user accepted, or `local-stack`. */
  createdBy: string;
  lastSignInAt: Date | null;
}

export interface ConsoleInvitationRow {
  id: string;
  workspaceId: WorkspaceId;
  email: string;
  role: ConsoleRole;
  tokenHash: Buffer;
  createdAt: Date;
  /** The inviting actor: a key id or `user:<id>`. */
  createdBy: string;
  expiresAt: Date;
  acceptedAt: Date | null;
}

export interface ConsoleSessionRow {
  tokenHash: Buffer;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A live session and the user it belongs to (their role as it is now, not as it was at sign-in). */
export interface SignedInUser {
  readonly session: ConsoleSessionRow;
  readonly user: ConsoleUserRow;
}

interface UserRecord {
  id: string;
  workspace_id: WorkspaceId;
  email: string;
  name: string;
  role: ConsoleRole;
  password_hash: string;
  created_at: Date;
  created_by: string;
  last_sign_in_at: Date | null;
}

interface InvitationRecord {
  id: string;
  workspace_id: WorkspaceId;
  email: string;
  role: ConsoleRole;
  token_hash: Buffer;
  created_at: Date;
  created_by: string;
  expires_at: Date;
  accepted_at: Date | null;
}

const USER_COLUMNS =
  'id, workspace_id, email, name, role, password_hash, created_at, created_by, last_sign_in_at';
/** The user columns of queries that name console_users `u` (joins, UPDATE … FROM). */
const USER_COLUMNS_OF_U = USER_COLUMNS.split(', ')
  .map((column) => `u.${column}`)
  .join(', ');
const INVITATION_COLUMNS =
  'id, workspace_id, email, role, token_hash, created_at, created_by, expires_at, accepted_at';

const userOf = (r: UserRecord): ConsoleUserRow => ({
  id: r.id,
  workspaceId: r.workspace_id,
  email: r.email,
  name: r.name,
  role: r.role,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
  createdBy: r.created_by,
  lastSignInAt: r.last_sign_in_at,
});

const invitationOf = (r: InvitationRecord): ConsoleInvitationRow => ({
  id: r.id,
  workspaceId: r.workspace_id,
  email: r.email,
  role: r.role,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
  createdBy: r.created_by,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
});

/**
 * Console users, their invitations and sessions. Every read takes the WorkspaceId except the two
 * lookups that tell which workspace a request belongs to: a session by its token's hash and an
 * invitation by its token's hash.
 */
export const consoleUserRepository = {
  async insertUser(sql: SqlRunner, user: Omit<ConsoleUserRow, 'lastSignInAt'>): Promise<void> {
    await sql.query(
      `INSERT INTO console_users (id, workspace_id, email, name, role, password_hash, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        user.id,
        user.workspaceId,
        user.email,
        user.name,
        user.role,
        user.passwordHash,
        user.createdAt,
        user.createdBy,
      ],
    );
  },

  async userByEmail(
    sql: SqlRunner,
    workspaceId: WorkspaceId,
    email: string,
  ): Promise<ConsoleUserRow | undefined> {
    const rows: UserRecord[] = await sql.query(
      `SELECT ${USER_COLUMNS} FROM console_users WHERE workspace_id = $1 AND email = $2`,
      [workspaceId, email],
    );
    return rows[0] && userOf(rows[0]);
  },

  async users(sql: SqlRunner, workspaceId: WorkspaceId): Promise<ConsoleUserRow[]> {
    const rows: UserRecord[] = await sql.query(
      `SELECT ${USER_COLUMNS} FROM console_users WHERE workspace_id = $1 ORDER BY email`,
      [workspaceId],
    );
    return rows.map(userOf);
  },

  /** The workspace's admins, locked until the transaction ends (so that two demotions cannot both pass). */
  async lockAdmins(sql: SqlRunner, workspaceId: WorkspaceId): Promise<string[]> {
    const rows: { id: string }[] = await sql.query(
      `SELECT id FROM console_users WHERE workspace_id = $1 AND role = 'admin' ORDER BY id FOR UPDATE`,
      [workspaceId],
    );
    return rows.map((row) => row.id);
  },

  async setRole(
    sql: SqlRunner,
    workspaceId: WorkspaceId,
    id: string,
    role: ConsoleRole,
  ): Promise<{ before: ConsoleRole; user: ConsoleUserRow } | undefined> {
    const rows = returnedRows<UserRecord & { before: ConsoleRole }>(
      await sql.query(
        `UPDATE console_users u SET role = $3
         FROM (SELECT id, role AS before FROM console_users WHERE workspace_id = $1 AND id = $2 FOR UPDATE) old
         WHERE u.id = old.id
         RETURNING ${USER_COLUMNS_OF_U}, old.before`,
        [workspaceId, id, role],
      ),
    );
    const row = rows[0];
    return row && { before: row.before, user: userOf(row) };
  },

  /** Removes the user and, with them, every session of theirs. */
  async removeUser(
    sql: SqlRunner,
    workspaceId: WorkspaceId,
    id: string,
  ): Promise<ConsoleUserRow | undefined> {
    const rows = returnedRows<UserRecord>(
      await sql.query(
        `DELETE FROM console_users WHERE workspace_id = $1 AND id = $2 RETURNING ${USER_COLUMNS}`,
        [workspaceId, id],
      ),
    );
    return rows[0] && userOf(rows[0]);
  },

  async recordSignIn(sql: SqlRunner, id: string, at: Date): Promise<void> {
    await sql.query('UPDATE console_users SET last_sign_in_at = $2 WHERE id = $1', [id, at]);
  },

  async insertInvitation(
    sql: SqlRunner,
    invitation: Omit<ConsoleInvitationRow, 'acceptedAt'>,
  ): Promise<void> {
    await sql.query(
      `INSERT INTO console_invitations (id, workspace_id, email, role, token_hash, created_at, created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        invitation.id,
        invitation.workspaceId,
        invitation.email,
        invitation.role,
        invitation.tokenHash,
        invitation.createdAt,
        invitation.createdBy,
        invitation.expiresAt,
      ],
    );
  },

  /** Invitations neither accepted nor expired, newest first. */
  async pendingInvitations(
    sql: SqlRunner,
    workspaceId: WorkspaceId,
    now: Date,
  ): Promise<ConsoleInvitationRow[]> {
    const rows: InvitationRecord[] = await sql.query(
      `SELECT ${INVITATION_COLUMNS} FROM console_invitations
       WHERE workspace_id = $1 AND accepted_at IS NULL AND expires_at > $2 ORDER BY created_at DESC, id`,
      [workspaceId, now],
    );
    return rows.map(invitationOf);
  },

  /** The invitation of a token's hash, locked until the transaction ends; accepted or expired ones too. */
  async lockInvitation(sql: SqlRunner, tokenHash: Buffer): Promise<ConsoleInvitationRow | undefined> {
    const rows: InvitationRecord[] = await sql.query(
      `SELECT ${INVITATION_COLUMNS} FROM console_invitations WHERE token_hash = $1 FOR UPDATE`,
      [tokenHash],
    );
    return rows[0] && invitationOf(rows[0]);
  },

  async markInvitationAccepted(sql: SqlRunner, id: string, at: Date): Promise<void> {
    await sql.query('UPDATE console_invitations SET accepted_at = $2 WHERE id = $1', [id, at]);
  },

  /** Withdraws an invitation not yet accepted; undefined when there is none such. */
  async revokeInvitation(
    sql: SqlRunner,
    workspaceId: WorkspaceId,
    id: string,
  ): Promise<ConsoleInvitationRow | undefined> {
    const rows = returnedRows<InvitationRecord>(
      await sql.query(
        `DELETE FROM console_invitations WHERE workspace_id = $1 AND id = $2 AND accepted_at IS NULL
         RETURNING ${INVITATION_COLUMNS}`,
        [workspaceId, id],
      ),
    );
    return rows[0] && invitationOf(rows[0]);
  },

  async insertSession(sql: SqlRunner, session: ConsoleSessionRow): Promise<void> {
    await sql.query(
      `INSERT INTO console_sessions (token_hash, user_id, csrf_token, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [session.tokenHash, session.userId, session.csrfToken, session.createdAt, session.expiresAt],
    );
  },

  /** The session of a cookie token's hash and its user, unless it expired (or the user was removed). */
  async signedIn(sql: SqlRunner, tokenHash: Buffer, now: Date): Promise<SignedInUser | undefined> {
    const rows: (UserRecord & {
      token_hash: Buffer;
      csrf_token: string;
      session_created_at: Date;
      expires_at: Date;
    })[] = await sql.query(
      `SELECT ${USER_COLUMNS_OF_U}, s.token_hash, s.csrf_token, s.created_at AS session_created_at, s.expires_at
       FROM console_sessions s JOIN console_users u ON u.id = s.user_id
       WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [tokenHash, now],
    );
    const row = rows[0];
    if (!row) return undefined;
    return {
      user: userOf(row),
      session: {
        tokenHash: row.token_hash,
        userId: row.id,
        csrfToken: row.csrf_token,
        createdAt: row.session_created_at,
        expiresAt: row.expires_at,
      },
    };
  },

  async endSession(sql: SqlRunner, tokenHash: Buffer): Promise<void> {
    await sql.query('DELETE FROM console_sessions WHERE token_hash = $1', [tokenHash]);
  },

  /** A new password hash; every session of the user but `keep` ends. */
  async changePassword(sql: SqlRunner, userId: string, passwordHash: string, keep: Buffer): Promise<void> {
    await sql.query('UPDATE console_users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
    await sql.query('DELETE FROM console_sessions WHERE user_id = $1 AND token_hash <> $2', [userId, keep]);
  },

  /** Forgets sessions that expired before `now`; the number removed. */
  async endExpiredSessions(sql: SqlRunner, now: Date): Promise<number> {
    const rows = returnedRows<{ user_id: string }>(
      await sql.query('DELETE FROM console_sessions WHERE expires_at <= $1 RETURNING user_id', [now]),
    );
    return rows.length;
  },
};
