import { hashPassword, passwordRefusal } from '@leadscore/access';
import type { AcceptInvitationRequest } from '@leadscore/contracts';
import { auditLogRepository, consoleUserRepository, type ConsoleUserRow } from '@leadscore/persistence';
import { randomBytes } from 'node:crypto';
import type { ApiContext } from '../../app/api.context.js';
import { startSession, tokenHashOf, type NewSession } from '../../auth/console-session.js';
import { fail } from '../../http/problem-details.js';

const ASK_AGAIN = 'Ask an admin of the workspace for a new invitation.';

/**
 * The invited person chooses their name and password and is signed in. An invitation is used once; an
 * expired, withdrawn or unknown one is refused alike (404), a used one with 409.
 */
export class AcceptInvitation {
  constructor(private readonly context: ApiContext) {}

  async execute(request: AcceptInvitationRequest): Promise<NewSession> {
    const refusal = passwordRefusal(request.password);
    if (refusal)
      fail('invalid-request', refusal, [{ field: 'password', expected: 'at least 12 characters' }]);
    // Hashing takes ~0.4 s: outside the transaction, which then holds its row lock briefly.
    const passwordHash = await hashPassword(request.password);
    const now = this.context.now();
    const user = await this.context.dataSource.transaction(async (sql): Promise<ConsoleUserRow> => {
      const invitation = await consoleUserRepository.lockInvitation(sql, tokenHashOf(request.token));
      if (!invitation || invitation.expiresAt <= now)
        return fail('not-found', `This invitation is unknown, withdrawn or expired. ${ASK_AGAIN}`);
      if (invitation.acceptedAt)
        return fail(
          'conflict',
          'This invitation was already accepted: sign in with its email address and password.',
        );
      if (await consoleUserRepository.userByEmail(sql, invitation.workspaceId, invitation.email))
        return fail('conflict', `${invitation.email} already has a user in this workspace: sign in instead.`);
      const created: ConsoleUserRow = {
        id: `usr_${randomBytes(8).toString('hex')}`,
        workspaceId: invitation.workspaceId,
        email: invitation.email,
        name: request.name.trim(),
        role: invitation.role,
        passwordHash,
        createdAt: now,
        createdBy: invitation.id,
        lastSignInAt: null,
      };
      await consoleUserRepository.insertUser(sql, created);
      await consoleUserRepository.markInvitationAccepted(sql, invitation.id, now);
      await auditLogRepository.append(sql, [
        {
          workspaceId: invitation.workspaceId,
          actor: `user:${created.id}`,
          action: 'user.joined',
          target: created.id,
          details: { email: created.email, role: created.role, invitation: invitation.id },
          at: now,
        },
      ]);
      return created;
    });
    return startSession(this.context.dataSource, user, now);
  }
}
