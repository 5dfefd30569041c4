import type { Rescore, RescoreList, StartRescoreRequest } from '@leadscore/contracts';
import {
  auditLogRepository,
  rescoreRepository,
  scoringModelRepository,
  type SqlRunner,
} from '@leadscore/persistence';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { modelNotFound } from './model-input.js';

/** The statuses a rescore ends in; cancel refuses them, and only cancelled and failed ones resume. */
const FINISHED: readonly Rescore['status'][] = ['done', 'failed', 'superseded', 'cancelled'];
const RESUMABLE: readonly Rescore['status'][] = ['cancelled', 'failed'];

/** PostgreSQL's unique_violation: a second queued or running rescore of the same model. */
const UNIQUE_VIOLATION = '23505';

export const rescoreNotFound = (id: string): never =>
  fail(
    'not-found',
    `No rescore "${id.slice(0, 80)}" in this workspace; GET /v1/models/{id}/rescores lists a model's rescores.`,
  );

const activeConflict = (modelId: string, active: Rescore): never =>
  fail(
    'conflict',
    `The model "${modelId}" already has a ${active.status} rescore, ${active.id} (version ${active.model.version}); a model has one at a time. Wait for it to finish (GET /v1/rescores/${active.id}) or cancel it (POST /v1/rescores/${active.id}/cancel), then start this one.`,
  );

function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const failed = error as { code?: unknown; driverError?: { code?: unknown } };
  return failed.code === UNIQUE_VIOLATION || failed.driverError?.code === UNIQUE_VIOLATION;
}

async function audit(
  sql: SqlRunner,
  caller: Caller,
  action: 'rescore.started' | 'rescore.cancelled' | 'rescore.resumed',
  rescore: Rescore,
  at: Date,
): Promise<void> {
  await auditLogRepository.append(sql, [
    {
      workspaceId: caller.workspaceId,
      actor: caller.actor,
      action,
      target: rescore.model.id,
      details: {
        rescore: rescore.id,
        version: rescore.model.version,
        dryRun: rescore.dryRun,
        transitionsPerSecond: rescore.transitionsPerSecond,
      },
      at,
    },
  ]);
}

/**
 * POST /v1/models/{id}/rescores: queues a rescore of the model's live version (reason `requested`) for
 * the scorer's worker, audited `rescore.started`; 404 without a live version, 409 when the model has a
 * rescore queued or running already.
 */
export class StartRescore {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, modelId: string, request: StartRescoreRequest): Promise<Rescore> {
    const at = this.context.now();
    return this.context.dataSource.transaction(async (sql) => {
      const version = await scoringModelRepository.liveVersion(sql, caller.workspaceId, modelId);
      if (version === undefined)
        return fail(
          'not-found',
          `The model "${modelId.slice(0, 80)}" has no live version in this workspace, so there is nothing to rescore under: apply it first (POST /v1/models, or leadscore model apply); GET /v1/models lists the models.`,
        );
      const created = await rescoreRepository.create(
        sql,
        {
          workspaceId: caller.workspaceId,
          modelId,
          version,
          dryRun: request.dryRun ?? false,
          reason: 'requested',
          transitionsPerSecond: request.transitionsPerSecond ?? this.context.rescoreTransitionsPerSecond,
        },
        at,
      );
      if (!created) {
        const active = await rescoreRepository.active(sql, caller.workspaceId, modelId);
        if (active) return activeConflict(modelId, active);
        return fail(
          'conflict',
          `The model "${modelId}" could not be given a rescore right now (another one was starting or ending at the same time); send the request again.`,
        );
      }
      await audit(sql, caller, 'rescore.started', created, at);
      return created;
    });
  }
}

/** GET /v1/models/{id}/rescores: the model's rescores, newest first (at most 50); 404 for an unknown model. */
export class ListRescores {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, modelId: string): Promise<RescoreList> {
    const sql = this.context.dataSource.manager;
    const rescores = await rescoreRepository.list(sql, caller.workspaceId, modelId);
    if (
      rescores.length === 0 &&
      (await scoringModelRepository.liveVersion(sql, caller.workspaceId, modelId)) === undefined
    )
      return modelNotFound(modelId);
    return { rescores };
  }
}

/** GET /v1/rescores/{rescoreId}: one rescore of the caller's workspace, with its progress and counts. */
export class GetRescore {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, id: string): Promise<Rescore> {
    const rescore = await rescoreRepository.find(this.context.dataSource.manager, caller.workspaceId, id);
    return rescore ?? rescoreNotFound(id);
  }
}

/**
 * POST /v1/rescores/{rescoreId}/cancel: a queued or running rescore stops before its next switch (what it
 * switched stays); 409 when it had finished already. Audited `rescore.cancelled`.
 */
export class CancelRescore {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, id: string): Promise<Rescore> {
    const at = this.context.now();
    return this.context.dataSource.transaction(async (sql) => {
      const before = await rescoreRepository.find(sql, caller.workspaceId, id);
      if (!before) return rescoreNotFound(id);
      if (FINISHED.includes(before.status)) return finishedConflict(before);
      const after = await rescoreRepository.cancel(sql, caller.workspaceId, id, at);
      if (!after) return rescoreNotFound(id);
      // It ended between the read and the update: what it ended as.
      if (after.status !== 'cancelled') return finishedConflict(after);
      await audit(sql, caller, 'rescore.cancelled', after, at);
      return after;
    });
  }
}

function finishedConflict(rescore: Rescore): never {
  return fail(
    'conflict',
    `The rescore ${rescore.id} is ${rescore.status} already (finished ${rescore.finishedAt ?? 'earlier'}); only a queued or running rescore can be cancelled.${
      RESUMABLE.includes(rescore.status)
        ? ` POST /v1/rescores/${rescore.id}/resume continues it.`
        : ` POST /v1/models/${rescore.model.id}/rescores starts a new one.`
    }`,
  );
}

/**
 * POST /v1/rescores/{rescoreId}/resume: a cancelled or failed rescore is queued again and goes on after
 * its cursor, its counts kept; 409 for any other status, or while the model has another rescore queued or
 * running. Audited `rescore.resumed`.
 */
export class ResumeRescore {
  constructor(private readonly context: ApiContext) {}

  async execute(caller: Caller, id: string): Promise<Rescore> {
    const at = this.context.now();
    try {
      return await this.context.dataSource.transaction(async (sql) => {
        const before = await rescoreRepository.find(sql, caller.workspaceId, id);
        if (!before) return rescoreNotFound(id);
        if (!RESUMABLE.includes(before.status)) return notResumable(before);
        const after = await rescoreRepository.resume(sql, caller.workspaceId, id, at);
        if (after === 'active') {
          const active = await rescoreRepository.active(sql, caller.workspaceId, before.model.id);
          return fail(
            'conflict',
            `The model "${before.model.id}" has another rescore ${active ? `${active.status}, ${active.id}` : 'queued or running'}; a model has one at a time. Wait for it to finish or cancel it${active ? ` (POST /v1/rescores/${active.id}/cancel)` : ''}, then resume this one.`,
          );
        }
        if (!after) return rescoreNotFound(id);
        if (after.status !== 'queued' && after.status !== 'running') return notResumable(after);
        await audit(sql, caller, 'rescore.resumed', after, at);
        return after;
      });
    } catch (error) {
      // Another rescore of the model was queued between the check and the update.
      if (isUniqueViolation(error))
        return fail(
          'conflict',
          `The model of the rescore ${id} got another rescore queued at the same time; a model has one at a time. GET /v1/rescores/${id} shows this one.`,
        );
      throw error;
    }
  }
}

function notResumable(rescore: Rescore): never {
  return fail(
    'conflict',
    `The rescore ${rescore.id} is ${rescore.status}; only a cancelled or failed rescore resumes.${
      rescore.status === 'queued' || rescore.status === 'running'
        ? ` It is under way: GET /v1/rescores/${rescore.id} shows its progress.`
        : ` POST /v1/models/${rescore.model.id}/rescores starts a new one.`
    }`,
  );
}
