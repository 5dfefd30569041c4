import { type WorkspaceId } from '@leadscore/access';
import { type WebhookSubscription } from '@leadscore/contracts';
import { returnedRows, type SqlRunner } from './sql-types.js';

export interface WebhookSubscriptionRow {
  id: string;
  workspaceId: string;
  url: string;
  /** The current secret first; during a rotation the previous one second (both sign every attempt). */
  secrets: string[];
  /** Message kinds (schemas/api/webhook-subscription.schema.json): `tier`, `stage`, `score`, `account-…`. */
  events: WebhookSubscription['events'];
  /** Only transitions into these tiers (cold, warm, hot or named tiers) / stages; null for all. */
  tiers: string[] | null;
  stages: WebhookSubscription['stages'];
  enabled: boolean;
}

/** A subscription as the api manages it. */
export interface ManagedWebhookSubscription extends WebhookSubscriptionRow {
  description: string | null;
  /** While a rotation overlaps: when the previous secret (`secrets[1]`) stops signing; else null. */
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewWebhookSubscription extends WebhookSubscriptionRow {
  description?: string | null;
  /** Required when `secrets` holds two. */
  previousSecretExpiresAt?: Date | null;
}

/** What an update may change (absent: unchanged). */
export interface WebhookSubscriptionChanges {
  url?: string;
  events?: WebhookSubscriptionRow['events'];
  tiers?: WebhookSubscriptionRow['tiers'];
  stages?: WebhookSubscriptionRow['stages'];
  description?: string | null;
  enabled?: boolean;
}

interface SubscriptionRecord {
  id: string;
  workspace_id: string;
  url: string;
  secrets: string[];
  events: WebhookSubscriptionRow['events'];
  tiers: WebhookSubscriptionRow['tiers'];
  stages: WebhookSubscriptionRow['stages'];
  enabled: boolean;
}

interface ManagedRecord extends SubscriptionRecord {
  description: string | null;
  previous_secret_expires_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const toRow = (r: SubscriptionRecord): WebhookSubscriptionRow => ({
  id: r.id,
  workspaceId: r.workspace_id,
  url: r.url,
  secrets: r.secrets,
  events: r.events,
  tiers: r.tiers,
  stages: r.stages,
  enabled: r.enabled,
});

const toManaged = (r: ManagedRecord): ManagedWebhookSubscription => ({
  ...toRow(r),
  description: r.description,
  previousSecretExpiresAt: r.previous_secret_expires_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const MANAGED_COLUMNS = `id, workspace_id, url, secrets, events, tiers, stages, enabled, description,
  previous_secret_expires_at, created_at, updated_at`;

/**
 * The secrets that sign at `now`: the current one, and the previous one while its overlap lasts.
 * threshold applies the same rule in SQL when it claims deliveries (webhookDeliveryRepository.claimDue).
 */
export function signingSecrets(
  subscription: Pick<ManagedWebhookSubscription, 'secrets' | 'previousSecretExpiresAt'>,
  now: Date,
): string[] {
  const expires = subscription.previousSecretExpiresAt;
  return expires !== null && expires.getTime() <= now.getTime()
    ? subscription.secrets.slice(0, 1)
    : [...subscription.secrets];
}

/** CRM webhook subscriptions per workspace (written by the API service; read by threshold). */
export const webhookSubscriptionRepository = {
  async create(sql: SqlRunner, row: NewWebhookSubscription, now: Date): Promise<void> {
    await sql.query(
      `INSERT INTO webhook_subscriptions (id, workspace_id, url, secrets, events, tiers, stages, enabled,
         description, previous_secret_expires_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
      [
        row.id,
        row.workspaceId,
        row.url,
        row.secrets,
        row.events,
        row.tiers,
        row.stages,
        row.enabled,
        row.description ?? null,
        row.previousSecretExpiresAt ?? null,
        now,
      ],
    );
  },

  /** The enabled subscriptions of these workspaces. */
  async enabledFor(sql: SqlRunner, workspaceIds: readonly string[]): Promise<WebhookSubscriptionRow[]> {
    if (workspaceIds.length === 0) return [];
    const rows = await sql.query<SubscriptionRecord[]>(
      `SELECT id, workspace_id, url, secrets, events, tiers, stages, enabled FROM webhook_subscriptions
       WHERE workspace_id = ANY($1::text[]) AND enabled ORDER BY id`,
      [workspaceIds],
    );
    return rows.map(toRow);
  },

  async byIds(sql: SqlRunner, ids: readonly string[]): Promise<WebhookSubscriptionRow[]> {
    if (ids.length === 0) return [];
    const rows = await sql.query<SubscriptionRecord[]>(
      `SELECT id, workspace_id, url, secrets, events, tiers, stages, enabled FROM webhook_subscriptions
       WHERE id = ANY($1::text[])`,
      [ids],
    );
    return rows.map(toRow);
  },

  /** One subscription of the workspace (undefined for another workspace's: nothing tells them apart). */
  async find(
    sql: SqlRunner,
    workspaceId: WorkspaceId,
    id: string,
  ): Promise<ManagedWebhookSubscription | undefined> {
    const rows = await sql.query<ManagedRecord[]>(
      `SELECT ${MANAGED_COLUMNS} FROM webhook_subscriptions WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id],
    );
    return rows[0] ? toManaged(rows[0]) : undefined;
  },

  /** The workspace's subscriptions, oldest first. */
  async list(sql: SqlRunner, workspaceId: WorkspaceId): Promise<ManagedWebhookSubscription[]> {
    const rows = await sql.query<ManagedRecord[]>(
      `SELECT ${MANAGED_COLUMNS} FROM webhook_subscriptions WHERE workspace_id = $1 ORDER BY created_at, id`,
      [workspaceId],
    );
    return rows.map(toManaged);
  },

  /** Applies the given changes; undefined when the workspace has no such subscription. */
  async update(
    sql: SqlRunner,
    workspaceId: WorkspaceId,
    id: string,
    changes: WebhookSubscriptionChanges,
    now: Date,
  ): Promise<ManagedWebhookSubscription | undefined> {
    const has = (key: keyof WebhookSubscriptionChanges) => Object.hasOwn(changes, key);
    const result: unknown = await sql.query(
      `UPDATE webhook_subscriptions SET
         url = CASE WHEN $3 THEN $4 ELSE url END,
         events = CASE WHEN $5 THEN $6::text[] ELSE events END,
         tiers = CASE WHEN $7 THEN $8::text[] ELSE tiers END,
         stages = CASE WHEN $9 THEN $10::text[] ELSE stages END,
         description = CASE WHEN $11 THEN $12 ELSE description END,
         enabled = CASE WHEN $13 THEN $14::boolean ELSE enabled END,
         updated_at = $15
       WHERE workspace_id = $1 AND id = $2
       RETURNING ${MANAGED_COLUMNS}`,
      [
        workspaceId,
        id,
        has('url'),
        changes.url ?? null,
        has('events'),
        changes.events ?? null,
        has('tiers'),
        changes.tiers ?? null,
        has('stages'),
        changes.stages ?? null,
        has('description'),
        changes.description ?? null,
        has('enabled'),
        changes.enabled ?? null,
        now,
      ],
    );
    const [row] = returnedRows<ManagedRecord>(result);
    return row ? toManaged(row) : undefined;
  },

  /** Deletes a subscription and its deliveries (cascade); false when the workspace has no such one. */
  async delete(sql: SqlRunner, workspaceId: WorkspaceId, id: string): Promise<boolean> {
    const result: unknown = await sql.query(
      `DELETE FROM webhook_subscriptions WHERE workspace_id = $1 AND id = $2 RETURNING 1`,
      [workspaceId, id],
    );
    return returnedRows(result).length > 0;
  },

  /**
   * Starts a rotation: the new secret signs first, the current one beside it until
   * `previousExpiresAt` (a previous secret still overlapping from an earlier rotation is dropped).
   * Undefined when the workspace has no such subscription.
   */
  async rotateSecret(
    sql: SqlRunner,
    workspaceId: string,
    id: string,
    secret: string,
    previousExpiresAt: Date,
    now: Date,
  ): Promise<ManagedWebhookSubscription | undefined> {
    const result: unknown = await sql.query(
      `UPDATE webhook_subscriptions SET secrets = ARRAY[$3::text, secrets[1]], previous_secret_expires_at = $4,
         updated_at = $5
       WHERE workspace_id = $1 AND id = $2
       RETURNING ${MANAGED_COLUMNS}`,
      [workspaceId, id, secret, previousExpiresAt, now],
    );
    const [row] = returnedRows<ManagedRecord>(result);
    return row ? toManaged(row) : undefined;
  },

  /** Ends a rotation early: only the newest secret signs from now on. */
  async dropPreviousSecret(sql: SqlRunner, workspaceId: string, id: string, now: Date): Promise<void> {
    await sql.query(
      `UPDATE webhook_subscriptions SET secrets = secrets[1:1], previous_secret_expires_at = NULL, updated_at = $3
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, now],
    );
  },
};
