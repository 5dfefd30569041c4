import type { KeyList } from '@leadscore/contracts';
import { apiKeyRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { apiKeyView } from './api-key.view.js';

/** The caller's workspace's keys, revoked ones included, oldest first. */
export class ListKeys {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller): Promise<KeyList> {
    const rows = await apiKeyRepository.list(this.context.dataSource.manager, caller.workspaceId);
    return { keys: rows.map(apiKeyView) };
  }
}
