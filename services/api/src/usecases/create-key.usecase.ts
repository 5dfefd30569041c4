import { scopesForNewKey } from '@leadscore/access';
import type { CreateKeyRequest, KeyCreated } from '@leadscore/contracts';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { issueKey } from './issue-key.js';

/** An admin creates a key in its own workspace; the whole key is in this answer only. */
export class CreateKey {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, command: CreateKeyRequest): Promise<KeyCreated> {
    const scopes = scopesForNewKey(command.kind, command.scopes);
    if (!scopes.ok)
      return fail('invalid-request', scopes.reason, [{ field: 'scopes', expected: scopes.reason }]);
    const at = this.context.now();
    return this.context.dataSource.transaction((sql) =>
      issueKey(sql, {
        workspaceId: caller.workspaceId,
        kind: command.kind,
        scopes: scopes.scopes,
        name: command.name ?? null,
        actor: caller.actor,
        at,
      }),
    );
  }
}
