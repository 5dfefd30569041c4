import { type Rescore } from '@leadscore/contracts';
import { returnedRows, type SqlRunner } from './sql-types.js';

export type RescoreStatus = Rescore['status'];
export type RescoreCounts = Rescore['counts'];

export interface NewRescore {
  readonly workspaceId: string;
  readonly modelId: string;
  readonly version: number;
  readonly dryRun: boolean;
  readonly reason: Rescore['reason'];
  readonly transitionsPerSecond: number;
}

/** A rescore as the scorer's worker holds it: the api's view plus its lease. */
export interface ClaimedRescore extends Rescore {
  readonly leaseOwner: string;
  /** Contacts left for a later switch (a live event reached them after their page was read). */
  readonly deferred: readonly string[];
}

interface RescoreRecord {
  id: string;
  workspace_id: string;
  model_id: string;
  version: number;
  dry_run: boolean;
  reason: Rescore['reason'];
  status: RescoreStatus;
  transitions_per_second: number;
  contacts_done: string;
  contacts_total: string | null;
  cursor: string | null;
  replayed_events: string;
  changed_contacts: string;
  unchanged_contacts: string;
  skipped_contacts: string;
  score_changes: string;
  tier_transitions: string;
  stage_transitions: string;
  webhooks: string;
  history_from: Date | null;
  history_until: Date | null;
  error: string | null;
  lease_owner: string | null;
  deferred: string[];
  created_at: Date;
  started_at: Date | null;
  updated_at: Date;
  finished_at: Date | null;
}

const ACTIVE: readonly RescoreStatus[] = ['queued', 'running'];
const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

function rescoreOf(r: RescoreRecord): Rescore {
  const contacts = Number(r.contacts_done);
  const total = r.contacts_total === null ? null : Number(r.contacts_total);
  return {
    id: r.id,
    workspace: r.workspace_id,
    model: { id: r.model_id, version: r.version },
    dryRun: r.dry_run,
    reason: r.reason,
    status: r.status,
    transitionsPerSecond: Number(r.transitions_per_second),
    progress: {
      contacts,
      total,
      ratio: r.status === 'done' ? 1 : total ? Math.min(1, contacts / total) : 0,
      cursor: r.cursor,
    },
    counts: {
      replayedEvents: Number(r.replayed_events),
      changedContacts: Number(r.changed_contacts),
      unchangedContacts: Number(r.unchanged_contacts),
      skippedContacts: Number(r.skipped_contacts),
      scoreChanges: Number(r.score_changes),
      tierTransitions: Number(r.tier_transitions),
      stageTransitions: Number(r.stage_transitions),
      webhooks: Number(r.webhooks),
    },
    history: { from: iso(r.history_from), until: iso(r.history_until) },
    error: r.error,
    createdAt: r.created_at.toISOString(),
    startedAt: iso(r.started_at),
    updatedAt: r.updated_at.toISOString(),
    finishedAt: iso(r.finished_at),
  };
}

const claimedOf = (r: RescoreRecord): ClaimedRescore => ({
  ...rescoreOf(r),
  leaseOwner: r.lease_owner ?? '',
  deferred: r.deferred,
});

/**
 * Rescores (services/scorer `src/rescore/`): the api starts, lists, cancels and resumes them; the scorer's
 * worker claims one under a lease, and records each switch's progress in that switch's transaction.
 */
export const rescoreRepository = {
  /** Queues a rescore; undefined when the model already has one queued or running (or, for a first application, had one). */
  async create(sql: SqlRunner, rescore: NewRescore, now: Date): Promise<Rescore | undefined> {
    const rows = await sql.query<RescoreRecord[]>(
      `INSERT INTO rescores (workspace_id, model_id, version, dry_run, reason, status, transitions_per_second,
                             created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'queued', $6, $7, $7)
       ON CONFLICT DO NOTHING
       RETURNING *`,
      [
        rescore.workspaceId,
        rescore.modelId,
        rescore.version,
        rescore.dryRun,
        rescore.reason,
        rescore.transitionsPerSecond,
        now,
      ],
    );
    const row = rows[0];
    return row ? rescoreOf(row) : undefined;
  },

  async find(sql: SqlRunner, workspaceId: string, id: string): Promise<Rescore | undefined> {
    const rows = await sql.query<RescoreRecord[]>(
      'SELECT * FROM rescores WHERE workspace_id = $1 AND id::text = $2',
      [workspaceId, id],
    );
    const row = rows[0];
    return row ? rescoreOf(row) : undefined;
  },

  /** The model's rescores, newest first. */
  async list(sql: SqlRunner, workspaceId: string, modelId: string, limit = 50): Promise<Rescore[]> {
    const rows = await sql.query<RescoreRecord[]>(
      `SELECT * FROM rescores WHERE workspace_id = $1 AND model_id = $2
       ORDER BY created_at DESC, id LIMIT $3`,
      [workspaceId, modelId, limit],
    );
    return rows.map(rescoreOf);
  },

  /** The model's queued or running rescore, if any. */
  async active(sql: SqlRunner, workspaceId: string, modelId: string): Promise<Rescore | undefined> {
    const rows = await sql.query<RescoreRecord[]>(
      `SELECT * FROM rescores WHERE workspace_id = $1 AND model_id = $2 AND status = ANY($3)`,
      [workspaceId, modelId, ACTIVE],
    );
    const row = rows[0];
    return row ? rescoreOf(row) : undefined;
  },

  /**
   * Cancels a queued or running rescore (the worker stops before its next switch; what it switched
   * stays). Answers the rescore as it now stands; undefined when there is no such rescore.
   */
  async cancel(sql: SqlRunner, workspaceId: string, id: string, now: Date): Promise<Rescore | undefined> {
    await sql.query(
      `UPDATE rescores SET status = 'cancelled', lease_owner = NULL, lease_until = NULL,
              finished_at = $3, updated_at = $3
       WHERE workspace_id = $1 AND id::text = $2 AND status = ANY($4)`,
      [workspaceId, id, now, ACTIVE],
    );
    return this.find(sql, workspaceId, id);
  },

  /**
   * Queues a cancelled or failed rescore again: it goes on after its cursor, its counts kept. 'active'
   * when the model has another rescore queued or running; undefined when there is no such rescore.
   */
  async resume(
    sql: SqlRunner,
    workspaceId: string,
    id: string,
    now: Date,
  ): Promise<Rescore | 'active' | undefined> {
    const other = await sql.query<{ id: string }[]>(
      `SELECT other.id FROM rescores mine JOIN rescores other
         ON other.workspace_id = mine.workspace_id AND other.model_id = mine.model_id
       WHERE mine.workspace_id = $1 AND mine.id::text = $2 AND other.id <> mine.id AND other.status = ANY($3)`,
      [workspaceId, id, ACTIVE],
    );
    if (other.length > 0) return 'active';
    await sql.query(
      `UPDATE rescores SET status = 'queued', error = NULL, finished_at = NULL, updated_at = $3
       WHERE workspace_id = $1 AND id::text = $2 AND status IN ('cancelled', 'failed')`,
      [workspaceId, id, now],
    );
    return this.find(sql, workspaceId, id);
  },

  /**
   * Claims the oldest queued rescore, or a running one whose worker's lease ran out (it died): the
   * claimer resumes it after its cursor. One claimer wins each row (SKIP LOCKED).
   */
  async claim(
    sql: SqlRunner,
    owner: string,
    leaseMs: number,
    now: Date,
  ): Promise<ClaimedRescore | undefined> {
    const result = await sql.query<unknown>(
      `UPDATE rescores SET status = 'running', lease_owner = $1, lease_until = $2,
              started_at = COALESCE(started_at, $3), updated_at = $3
       WHERE id = (
         SELECT id FROM rescores
         WHERE status = 'queued' OR (status = 'running' AND (lease_until IS NULL OR lease_until < $3))
         ORDER BY created_at, id
         LIMIT 1
         FOR UPDATE SKIP LOCKED
       )
       RETURNING *`,
      [owner, new Date(now.getTime() + leaseMs), now],
    );
    const row = returnedRows<RescoreRecord>(result)[0];
    return row ? claimedOf(row) : undefined;
  },

  /**
   * Locks the rescore for a switch: the row when `owner` still holds it running (its lease renewed),
   * undefined when it was cancelled, finished or taken over — the switch then does nothing.
   */
  async lockOwned(
    sql: SqlRunner,
    id: string,
    owner: string,
    leaseMs: number,
    now: Date,
  ): Promise<ClaimedRescore | undefined> {
    const rows = await sql.query<RescoreRecord[]>(`SELECT * FROM rescores WHERE id = $1 FOR UPDATE`, [id]);
    const row = rows[0];
    if (!row || row.status !== 'running' || row.lease_owner !== owner) return undefined;
    await sql.query('UPDATE rescores SET lease_until = $2 WHERE id = $1', [
      id,
      new Date(now.getTime() + leaseMs),
    ]);
    return claimedOf(row);
  },

  /** What the archive held when the rescore started: its contacts and its oldest event. */
  async started(sql: SqlRunner, id: string, total: number, historyFrom: Date | null): Promise<void> {
    await sql.query(
      `UPDATE rescores SET contacts_total = COALESCE(contacts_total, $2),
              history_from = COALESCE(history_from, $3) WHERE id = $1`,
      [id, total, historyFrom],
    );
  },

  /**
   * Adds one switch's counts (`contacts`: those switched), moves the cursor past its page's contacts
   * (null: a switch of deferred contacts leaves it) and stores the contacts still deferred, in the
   * switch's transaction.
   */
  async recordProgress(
    sql: SqlRunner,
    id: string,
    step: {
      readonly contacts: number;
      readonly cursor: string | null;
      readonly deferred: readonly string[];
      readonly counts: RescoreCounts;
    },
    historyUntil: Date,
    now: Date,
  ): Promise<void> {
    const c = step.counts;
    await sql.query(
      `UPDATE rescores SET contacts_done = contacts_done + $2, cursor = COALESCE($3, cursor),
              replayed_events = replayed_events + $4, changed_contacts = changed_contacts + $5,
              unchanged_contacts = unchanged_contacts + $6, skipped_contacts = skipped_contacts + $7,
              score_changes = score_changes + $8, tier_transitions = tier_transitions + $9,
              stage_transitions = stage_transitions + $10, webhooks = webhooks + $11,
              history_until = GREATEST(history_until, $12), updated_at = $13, deferred = $14::text[]
       WHERE id = $1`,
      [
        id,
        step.contacts,
        step.cursor,
        c.replayedEvents,
        c.changedContacts,
        c.unchangedContacts,
        c.skippedContacts,
        c.scoreChanges,
        c.tierTransitions,
        c.stageTransitions,
        c.webhooks,
        historyUntil,
        now,
        step.deferred,
      ],
    );
  },

  /** Puts a rescore the worker holds back in the queue at once (it stops), rather than after its lease. */
  async release(sql: SqlRunner, id: string, owner: string): Promise<void> {
    await sql.query(
      `UPDATE rescores SET status = 'queued', lease_owner = NULL, lease_until = NULL
       WHERE id = $1 AND lease_owner = $2 AND status = 'running'`,
      [id, owner],
    );
  },

  /** Ends a rescore the worker holds: done, failed (with why) or superseded by a newer version. */
  async finish(
    sql: SqlRunner,
    id: string,
    owner: string,
    status: Extract<RescoreStatus, 'done' | 'failed' | 'superseded'>,
    error: string | null,
    now: Date,
  ): Promise<void> {
    await sql.query(
      `UPDATE rescores SET status = $3, error = $4, lease_owner = NULL, lease_until = NULL,
              finished_at = $5, updated_at = $5
       WHERE id = $1 AND lease_owner = $2 AND status = 'running'`,
      [id, owner, status, error, now],
    );
  },
};
