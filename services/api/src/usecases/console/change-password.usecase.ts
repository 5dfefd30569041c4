import { hashPassword, passwordRefusal, verifyPassword } from '@leadscore/access';
import type { ChangePasswordRequest } from '@leadscore/contracts';
import { auditLogRepository, consoleUserRepository, type SignedInUser } from '@leadscore/persistence';
import type { ApiContext } from '../../app/api.context.js';
import { fail } from '../../http/problem-details.js';

/**
 * A signed-in person changes their password: the current one proves it is them (a session left open on
 * a shared screen is not enough), the new one follows the password rule, and every other session of
 * theirs ends (this one stays).
 */
export class ChangePassword {
  constructor(private readonly context: ApiContext) {}

  async execute(signedIn: SignedInUser, request: ChangePasswordRequest): Promise<void> {
    if (!(await verifyPassword(request.currentPassword, signedIn.user.passwordHash)))
      fail('forbidden', 'The current password is wrong: the password stays as it was.');
    const refusal = passwordRefusal(request.newPassword);
    if (refusal)
      fail('invalid-request', refusal, [{ field: 'newPassword', expected: 'at least 12 characters' }]);
    const passwordHash = await hashPassword(request.newPassword);
    const at = this.context.now();
    await this.context.dataSource.transaction(async (sql) => {
      await consoleUserRepository.changePassword(
        sql,
        signedIn.user.id,
        passwordHash,
        signedIn.session.tokenHash,
      );
      await auditLogRepository.append(sql, [
        {
          workspaceId: signedIn.user.workspaceId,
          actor: `user:${signedIn.user.id}`,
          action: 'user.password-changed',
          target: signedIn.user.id,
          details: {},
          at,
        },
      ]);
    });
  }
}
