import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { auditPageSchema, type AuditPage } from '@leadscore/contracts';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { AuthenticatedCaller, type Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { wholeNumberParameter } from '../http/query-parameters.js';
import { Documented } from '../openapi/route-doc.js';
import { ReadAuditLog, type AuditQuery } from '../usecases/read-audit-log.usecase.js';

export const DEFAULT_AUDIT_PAGE = 50;
export const MAX_AUDIT_PAGE = 200;

function auditQuery(query: Record<string, unknown>): AuditQuery {
  const { cursor, limit } = query;
  if (cursor !== undefined && (typeof cursor !== 'string' || !/^[1-9]\d{0,17}$/.test(cursor)))
    fail('invalid-request', '?cursor must be the nextCursor of the previous page, unchanged.', [
      { field: '?cursor', expected: 'the nextCursor of the previous page' },
    ]);
  const size = wholeNumberParameter(limit, '?limit', 1, MAX_AUDIT_PAGE, DEFAULT_AUDIT_PAGE);
  return { limit: size, ...(typeof cursor === 'string' ? { cursor } : {}) };
}

/** GET /v1/audit?cursor&limit: the admin actions of the caller's workspace, newest first (admin). */
@Controller('v1/audit')
@UseGuards(ApiKeyGuard)
export class AuditController {
  constructor(@Inject(ReadAuditLog) private readonly readAuditLog: ReadAuditLog) {}

  @Get()
  @RequireAnyScope('admin')
  @Documented({
    tag: 'audit',
    summary: "Read this workspace's audit log",
    description: 'Every admin action with the key that did it, newest first.',
    parameters: [
      {
        name: 'cursor',
        in: 'query',
        description: 'The `nextCursor` of the previous page',
        schema: { type: 'string', pattern: '^[1-9][0-9]{0,17}$' },
      },
      {
        name: 'limit',
        in: 'query',
        description: `Entries per page (default ${DEFAULT_AUDIT_PAGE})`,
        schema: { type: 'integer', minimum: 1, maximum: MAX_AUDIT_PAGE },
      },
    ],
    responses: { 200: { description: 'One page of the audit log', schema: auditPageSchema } },
  })
  read(@AuthenticatedCaller() caller: Caller, @Query() query: Record<string, unknown>): Promise<AuditPage> {
    return this.readAuditLog.execute(caller, auditQuery(query));
  }
}
