import type { WorkspaceSettings } from '@leadscore/contracts';
import { providerSecretRepository, workspaceSettingsRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { settingsView } from './settings.view.js';

/** The caller's workspace's settings; of provider secrets only whether each is set and its hint. */
export class ReadSettings {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller): Promise<WorkspaceSettings> {
    const sql = this.context.dataSource.manager;
    const [row, secrets] = await Promise.all([
      workspaceSettingsRepository.find(sql, caller.workspaceId),
      providerSecretRepository.list(sql, caller.workspaceId),
    ]);
    return settingsView(row, secrets);
  }
}
