import { workspaceId } from '@leadscore/access';
import type { CreateWorkspaceRequest, WorkspaceCreated } from '@leadscore/contracts';
import { auditLogRepository, workspaceRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import { fail } from '../http/problem-details.js';
import { issueKey } from './issue-key.js';
import { workspaceView } from './workspace.view.js';

/** Scopes of a workspace's first key: it administers and reads; event keys are made with it. */
export const FIRST_ADMIN_KEY_SCOPES = ['read', 'admin'] as const;

/**
 * The operator (OPERATOR_TOKEN) creates a workspace and its first admin key, in one transaction,
 * audited with the actor `operator`; the key is shown in the answer only.
 */
export class CreateWorkspace {
  constructor(private readonly context: ApiContext) {}

  async execute(command: CreateWorkspaceRequest): Promise<WorkspaceCreated> {
    const id = workspaceId(command.id);
    const at = this.context.now();
    return this.context.dataSource.transaction(async (sql) => {
      if (!(await workspaceRepository.create(sql, { id, name: command.name, createdAt: at })))
        fail(
          'conflict',
          `A workspace "${id}" exists already; choose another id. To get a key of an existing workspace, ask one of its admins (POST /v1/keys).`,
        );
      await auditLogRepository.append(sql, [
        {
          workspaceId: id,
          actor: 'operator',
          action: 'workspace.created',
          target: id,
          details: { name: command.name },
          at,
        },
      ]);
      const adminKey = await issueKey(sql, {
        workspaceId: id,
        kind: 'secret',
        scopes: FIRST_ADMIN_KEY_SCOPES,
        name: 'first admin key',
        actor: 'operator',
        at,
      });
      return { workspace: workspaceView({ id, name: command.name, createdAt: at }), adminKey };
    });
  }
}
