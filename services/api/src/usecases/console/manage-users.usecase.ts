import type { ConsoleRole } from '@leadscore/access';
import type { ConsoleUser, ConsoleUserList } from '@leadscore/contracts';
import { auditLogRepository, consoleUserRepository, type SqlRunner } from '@leadscore/persistence';
import type { ApiContext } from '../../app/api.context.js';
import type { Caller } from '../../auth/caller.js';
import { fail } from '../../http/problem-details.js';
import { consoleInvitationView, consoleUserView } from './console-user.view.js';

const unknownUser = (id: string): never =>
  fail('not-found', `No user "${id.slice(0, 80)}" in this workspace; GET /v1/users lists them.`);

/**
 * Refuses a change that would leave a workspace which has admin users without any (nobody could then
 * manage its people from the console). The admins' rows stay locked until the transaction ends.
 */
async function keepAnAdmin(sql: SqlRunner, caller: Caller, userId: string): Promise<void> {
  const admins = await consoleUserRepository.lockAdmins(sql, caller.workspaceId);
  if (admins.length === 1 && admins[0] === userId)
    fail(
      'conflict',
      'This is the last admin of the workspace: make another user admin first, so that someone can still manage users, keys and webhooks.',
    );
}

/** GET /v1/users: users by email and the open invitations. */
export class ListUsers {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller): Promise<ConsoleUserList> {
    const sql = this.context.dataSource.manager;
    const [users, invitations] = await Promise.all([
      consoleUserRepository.users(sql, caller.workspaceId),
      consoleUserRepository.pendingInvitations(sql, caller.workspaceId, this.context.now()),
    ]);
    return { users: users.map(consoleUserView), invitations: invitations.map(consoleInvitationView) };
  }
}

/** PATCH /v1/users/{id}: a new role, effective from the user's next request. */
export class ChangeUserRole {
  constructor(private readonly context: ApiContext) {}

  execute(caller: Caller, userId: string, role: ConsoleRole): Promise<ConsoleUser> {
    const at = this.context.now();
    return this.context.dataSource.transaction(async (sql) => {
      if (role !== 'admin') await keepAnAdmin(sql, caller, userId);
      const changed = await consoleUserRepository.setRole(sql, caller.workspaceId, userId, role);
      if (!changed) return unknownUser(userId);
      if (changed.before !== role)
        await auditLogRepository.append(sql, [
          {
            workspaceId: caller.workspaceId,
            actor: caller.actor,
            action: 'user.role-changed',
            target: userId,
            details: { from: changed.before, to: role },
            at,
          },
        ]);
      return consoleUserView(changed.user);
    });
  }
}

/** DELETE /v1/users/{id}: the user and their sessions go (signed out at once). */
export class RemoveUser {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, userId: string): Promise<void> {
    const at = this.context.now();
    await this.context.dataSource.transaction(async (sql) => {
      await keepAnAdmin(sql, caller, userId);
      const removed = await consoleUserRepository.removeUser(sql, caller.workspaceId, userId);
      if (!removed) return unknownUser(userId);
      await auditLogRepository.append(sql, [
        {
          workspaceId: caller.workspaceId,
          actor: caller.actor,
          action: 'user.removed',
          target: userId,
          details: { email: removed.email, role: removed.role },
          at,
        },
      ]);
    });
  }
}

/** DELETE /v1/users/invitations/{id}: withdraws an open invitation (its link stops working). */
export class RevokeInvitation {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, invitationId: string): Promise<void> {
    const at = this.context.now();
    await this.context.dataSource.transaction(async (sql) => {
      const revoked = await consoleUserRepository.revokeInvitation(sql, caller.workspaceId, invitationId);
      if (!revoked)
        return fail(
          'not-found',
          `No open invitation "${invitationId.slice(0, 80)}" in this workspace; GET /v1/users lists them.`,
        );
      await auditLogRepository.append(sql, [
        {
          workspaceId: caller.workspaceId,
          actor: caller.actor,
          action: 'invitation.revoked',
          target: invitationId,
          details: { email: revoked.email, role: revoked.role },
          at,
        },
      ]);
    });
  }
}
