import { DEFAULT_PASSWORD_COST, hashPassword, isWorkspaceId, verifyPassword } from '@leadscore/access';
import type { SignInRequest } from '@leadscore/contracts';
import { consoleUserRepository } from '@leadscore/persistence';
import type { ApiContext } from '../../app/api.context.js';
import { startSession, type NewSession } from '../../auth/console-session.js';
import { fail } from '../../http/problem-details.js';
import { normalEmail } from './console-user.view.js';

const REFUSED =
  'The workspace, email or password is wrong (which one is not said, so that nobody can probe for accounts). An admin of your workspace can invite you again if you forgot your password.';

/**
 * A person signs in with workspace, email and password. Unknown workspaces and addresses cost a hash
 * too, so that the answer's time does not tell which accounts exist; the caller (the controller)
 * throttles failures per client address like failed key authentications.
 */
export class SignIn {
  private decoy: Promise<string> | undefined;

  constructor(private readonly context: ApiContext) {}

  async execute(request: SignInRequest): Promise<NewSession> {
    const workspace = request.workspace.trim().toLowerCase();
    const user = isWorkspaceId(workspace)
      ? await consoleUserRepository.userByEmail(
          this.context.dataSource.manager,
          workspace,
          normalEmail(request.email),
        )
      : undefined;
    const verified = await verifyPassword(
      request.password,
      user?.passwordHash ?? (await (this.decoy ??= hashPassword('no such user', DEFAULT_PASSWORD_COST))),
    );
    if (!user || !verified) return fail('unauthenticated', REFUSED);
    return startSession(this.context.dataSource, user, this.context.now());
  }
}
