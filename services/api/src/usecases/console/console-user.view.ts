import type { ConsoleInvitation, ConsoleUser } from '@leadscore/contracts';
import type { ConsoleInvitationRow, ConsoleUserRow } from '@leadscore/persistence';

/** A user as the api shows them: never the password hash. */
export function consoleUserView(row: ConsoleUserRow): ConsoleUser {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    email: row.email,
    name: row.name,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
  };
}

/** An invitation as the api shows it: never the token or its hash. */
export function consoleInvitationView(row: ConsoleInvitationRow): ConsoleInvitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** Addresses compare case-insensitively (what people type varies; the mailbox is the same). */
export const normalEmail = (email: string): string => email.trim().toLowerCase();
