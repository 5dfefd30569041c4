import { describe, expect, it } from '@jest/globals';
import type { Rescore } from '@leadscore/contracts';
import type { ApiContext } from '../app/api.context.js';
import type { Caller } from '../auth/caller.js';
import { ProblemError, type ProblemDetails } from '../http/problem-details.js';
import { CancelRescore, ResumeRescore, StartRescore } from './rescores.usecase.js';

const NOW = new Date('2026-04-01T09:00:00Z');
const caller = { workspaceId: 'acme', actor: 'key-1' } as unknown as Caller;
const ID = '6f1c8a52-3b7e-4c1d-9a0b-2f4e6d8c0a11';
const OTHER = '0b6a3c1e-1111-4222-8333-944455556666';

/** A rescores row as PostgreSQL answers it (the repository maps it). */
function row(status: Rescore['status'], overrides: Record<string, unknown> = {}) {
  return {
    id: ID,
    workspace_id: 'acme',
    model_id: 'clicks',
    version: 3,
    dry_run: false,
    reason: 'requested',
    status,
    transitions_per_second: 50,
    contacts_done: '0',
    contacts_total: null,
    cursor: null,
    replayed_events: '0',
    changed_contacts: '0',
    unchanged_contacts: '0',
    skipped_contacts: '0',
    score_changes: '0',
    tier_transitions: '0',
    stage_transitions: '0',
    webhooks: '0',
    history_from: null,
    history_until: null,
    error: null,
    lease_owner: null,
    created_at: NOW,
    started_at: null,
    updated_at: NOW,
    finished_at: status === 'queued' || status === 'running' ? null : NOW,
    ...overrides,
  };
}

/**
 * A context whose database answers each statement by its first words: `answers` maps a SQL prefix to
 * the rows it gives (in turn when an array of answers); every statement is recorded.
 */
function contextWith(answers: Record<string, unknown[][]>, error?: Error) {
  const statements: { sql: string; parameters: unknown[] }[] = [];
  const sql = {
    query: (text: string, parameters: unknown[] = []) => {
      statements.push({ sql: text.trim(), parameters });
      const prefix = Object.keys(answers).find((p) => text.trim().startsWith(p));
      if (error !== undefined && text.trim().startsWith("UPDATE rescores SET status = 'queued'"))
        return Promise.reject(error);
      const queue = prefix === undefined ? undefined : answers[prefix];
      return Promise.resolve(queue && queue.length > 1 ? queue.shift() : (queue?.[0] ?? []));
    },
  };
  const context = {
    dataSource: {
      manager: sql,
      transaction: <T>(work: (runner: typeof sql) => Promise<T>) => work(sql),
    },
    rescoreTransitionsPerSecond: 40,
    now: () => NOW,
  } as unknown as ApiContext;
  return { context, statements };
}

async function problemOf(promise: Promise<unknown>): Promise<ProblemDetails> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return (error as ProblemError).problem;
}

describe('StartRescore', () => {
  it('queues the live version at the configured pace when the request names none, and audits it', async () => {
    const { context, statements } = contextWith({
      'SELECT version FROM scoring_models': [[{ version: 3 }]],
      'INSERT INTO rescores': [[row('queued', { transitions_per_second: 40 })]],
    });
    const rescore = await new StartRescore(context).execute(caller, 'clicks', {});
    expect(rescore).toMatchObject({ id: ID, model: { id: 'clicks', version: 3 }, status: 'queued' });
    const insert = statements.find((s) => s.sql.startsWith('INSERT INTO rescores'));
    expect(insert?.parameters).toEqual(['acme', 'clicks', 3, false, 'requested', 40, NOW]);
    const audit = statements.find((s) => s.sql.startsWith('INSERT INTO audit_log'));
    expect(audit?.parameters).toEqual(expect.arrayContaining([['rescore.started']]));
  });

  it('passes dryRun and transitionsPerSecond through', async () => {
    const { context, statements } = contextWith({
      'SELECT version FROM scoring_models': [[{ version: 3 }]],
      'INSERT INTO rescores': [[row('queued')]],
    });
    await new StartRescore(context).execute(caller, 'clicks', { dryRun: true, transitionsPerSecond: 2.5 });
    const insert = statements.find((s) => s.sql.startsWith('INSERT INTO rescores'));
    expect(insert?.parameters).toEqual(['acme', 'clicks', 3, true, 'requested', 2.5, NOW]);
  });

  it('answers 404 without a live version, and inserts nothing', async () => {
    const { context, statements } = contextWith({});
    const problem = await problemOf(new StartRescore(context).execute(caller, 'clicks', {}));
    expect(problem).toMatchObject({ status: 404 });
    expect(problem.detail).toMatch(/"clicks" has no live version.*apply it first/);
    expect(statements.some((s) => s.sql.startsWith('INSERT'))).toBe(false);
  });

  it('answers 409 naming the active rescore and how to cancel it', async () => {
    const { context } = contextWith({
      'SELECT version FROM scoring_models': [[{ version: 3 }]],
      'INSERT INTO rescores': [[]],
      'SELECT * FROM rescores WHERE workspace_id = $1 AND model_id = $2 AND status': [
        [row('running', { id: OTHER })],
      ],
    });
    const problem = await problemOf(new StartRescore(context).execute(caller, 'clicks', {}));
    expect(problem).toMatchObject({ status: 409 });
    expect(problem.detail).toContain(`running rescore, ${OTHER}`);
    expect(problem.detail).toContain(`POST /v1/rescores/${OTHER}/cancel`);
  });
});

describe('CancelRescore', () => {
  it('answers 409 with the status of a finished rescore, without updating it', async () => {
    for (const status of ['done', 'failed', 'superseded', 'cancelled'] as const) {
      const { context, statements } = contextWith({ 'SELECT * FROM rescores': [[row(status)]] });
      const problem = await problemOf(new CancelRescore(context).execute(caller, ID));
      expect(problem).toMatchObject({ status: 409 });
      expect(problem.detail).toContain(`is ${status} already`);
      expect(statements.some((s) => s.sql.startsWith('UPDATE'))).toBe(false);
    }
  });

  it('answers 409 when the rescore finished between the read and the update', async () => {
    const { context } = contextWith({ 'SELECT * FROM rescores': [[row('running')], [row('done')]] });
    const problem = await problemOf(new CancelRescore(context).execute(caller, ID));
    expect(problem.detail).toContain('is done already');
  });

  it('answers 404 for an unknown rescore', async () => {
    const { context } = contextWith({});
    expect(await problemOf(new CancelRescore(context).execute(caller, ID))).toMatchObject({ status: 404 });
  });
});

describe('ResumeRescore', () => {
  it('answers 409 for a rescore that is neither cancelled nor failed', async () => {
    for (const status of ['queued', 'running', 'done', 'superseded'] as const) {
      const { context } = contextWith({ 'SELECT * FROM rescores': [[row(status)]] });
      const problem = await problemOf(new ResumeRescore(context).execute(caller, ID));
      expect(problem).toMatchObject({ status: 409 });
      expect(problem.detail).toContain(`is ${status}; only a cancelled or failed rescore resumes`);
    }
  });

  it('answers 409 naming the other active rescore of the model', async () => {
    const { context } = contextWith({
      'SELECT * FROM rescores WHERE workspace_id = $1 AND id': [[row('cancelled')]],
      'SELECT other.id': [[{ id: OTHER }]],
      'SELECT * FROM rescores WHERE workspace_id = $1 AND model_id = $2 AND status': [
        [row('queued', { id: OTHER })],
      ],
    });
    const problem = await problemOf(new ResumeRescore(context).execute(caller, ID));
    expect(problem.detail).toContain(`another rescore queued, ${OTHER}`);
  });

  it('answers 409, not 500, when another rescore of the model was queued at the same moment', async () => {
    const { context } = contextWith(
      { 'SELECT * FROM rescores': [[row('failed')]] },
      Object.assign(new Error('duplicate key'), { code: '23505' }),
    );
    expect(await problemOf(new ResumeRescore(context).execute(caller, ID))).toMatchObject({ status: 409 });
  });
});
