import type { ApiKey } from '@leadscore/contracts';
import { apiKeyRepository, auditLogRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { apiKeyView } from './api-key.view.js';

/**
 * An admin revokes a key of its own workspace: refused (401) from the next request on. Revoking a
 * revoked key changes nothing and writes no second audit row; a key of another workspace is 404,
 * exactly like one that does not exist.
 */
export class RevokeKey {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, keyId: string): Promise<ApiKey> {
    const at = this.context.now();
    return this.context.dataSource.transaction(async (sql) => {
      const result = await apiKeyRepository.revoke(sql, caller.workspaceId, keyId, at);
      if (result.outcome === 'not-found')
        return fail('not-found', `No key "${keyId}" in this workspace; GET /v1/keys lists its keys.`);
      if (result.outcome === 'revoked')
        await auditLogRepository.append(sql, [
          {
            workspaceId: caller.workspaceId,
            actor: caller.actor,
            action: 'key.revoked',
            target: keyId,
            details: { prefix: result.key.prefix },
            at,
          },
        ]);
      return apiKeyView(result.key);
    });
  }
}
