import type { AuditPage } from '@leadscore/contracts';
import { auditLogRepository } from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';

export interface AuditQuery {
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string;
  readonly limit: number;
}

/** The caller's workspace's audit rows, newest first, a page at a time. */
export class ReadAuditLog {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, query: AuditQuery): Promise<AuditPage> {
    const page = await auditLogRepository.page(this.context.dataSource.manager, caller.workspaceId, {
      limit: query.limit,
      ...(query.cursor !== undefined ? { before: query.cursor } : {}),
    });
    return {
      entries: page.rows.map((row) => ({
        id: row.id,
        actor: row.actor,
        action: row.action,
        target: row.target,
        details: row.details,
        at: row.at.toISOString(),
      })),
      nextCursor: page.nextBefore,
    };
  }
}
