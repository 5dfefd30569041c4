import type { InvitationCreated, InviteUserRequest } from '@leadscore/contracts';
import { auditLogRepository, consoleUserRepository } from '@leadscore/persistence';
import { randomBytes } from 'node:crypto';
import type { ApiContext } from '../../app/api.context.js';
import type { Caller } from '../../auth/caller.js';
import { tokenHashOf } from '../../auth/console-session.js';
import { fail } from '../../http/problem-details.js';
import { consoleInvitationView, normalEmail } from './console-user.view.js';

export const INVITATION_DAYS = 7;

/**
 * An admin (a person or an admin key — how the first admin of a workspace is invited) invites a
 * colleague with a role. The token is in the answer once; only its hash is stored. Inviting an address
 * again while an invitation is open issues a new token (the old one keeps working until it expires or
 * is withdrawn); an address that already has a user is refused.
 */
export class InviteUser {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, request: InviteUserRequest): Promise<InvitationCreated> {
    const email = normalEmail(request.email);
    const id = `inv_${randomBytes(8).toString('hex')}`;
    const token = `${id}_${randomBytes(32).toString('base64url')}`;
    const createdAt = this.context.now();
    const row = {
      id,
      workspaceId: caller.workspaceId,
      email,
      role: request.role,
      tokenHash: tokenHashOf(token),
      createdAt,
      createdBy: caller.actor,
      expiresAt: new Date(createdAt.getTime() + INVITATION_DAYS * 86_400_000),
    };
    await this.context.dataSource.transaction(async (sql) => {
      if (await consoleUserRepository.userByEmail(sql, caller.workspaceId, email))
        fail(
          'conflict',
          `${email} already has a user in this workspace; change their role with PATCH /v1/users/{id}.`,
        );
      await consoleUserRepository.insertInvitation(sql, row);
      await auditLogRepository.append(sql, [
        {
          workspaceId: caller.workspaceId,
          actor: caller.actor,
          action: 'user.invited',
          target: id,
          details: { email, role: request.role },
          at: createdAt,
        },
      ]);
    });
    return {
      invitation: consoleInvitationView({ ...row, acceptedAt: null }),
      token,
      acceptPath: `/console/accept#token=${token}`,
    };
  }
}
