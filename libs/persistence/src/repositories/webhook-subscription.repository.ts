import { type SqlRunner } from './sql-types.js';

export interface WebhookSubscriptionRow {
  id: string;
  workspaceId: string;
  url: string;
  /** The current secret first; during a rotation the previous one second (both sign every attempt). */
  secrets: string[];
  /** Message kinds: `tier`, `stage`, `score`. */
  events: ('tier' | 'stage' | 'score')[];
  /** Only transitions into these tiers / stages; null for all. */
  tiers: ('cold' | 'warm' | 'hot')[] | null;
  stages: ('lead' | 'recycled' | 'mql' | 'sql')[] | null;
  enabled: boolean;
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

/** CRM webhook subscriptions per workspace (written by the API service; read by threshold). */
export const webhookSubscriptionRepository = {
  async create(sql: SqlRunner, row: WebhookSubscriptionRow, now: Date): Promise<void> {
    await sql.query(
      `INSERT INTO webhook_subscriptions (id, workspace_id, url, secrets, events, tiers, stages, enabled, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)`,
      [row.id, row.workspaceId, row.url, row.secrets, row.events, row.tiers, row.stages, row.enabled, now],
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

  /** Starts a rotation: the new secret signs first, the current one stays valid beside it. */
  async rotateSecret(
    sql: SqlRunner,
    workspaceId: string,
    id: string,
    secret: string,
    now: Date,
  ): Promise<void> {
    await sql.query(
      `UPDATE webhook_subscriptions SET secrets = ARRAY[$3::text, secrets[1]], updated_at = $4
       WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, secret, now],
    );
  },

  /** Ends a rotation: only the newest secret signs from now on. */
  async dropPreviousSecret(sql: SqlRunner, workspaceId: string, id: string, now: Date): Promise<void> {
    await sql.query(
      `UPDATE webhook_subscriptions SET secrets = secrets[1:1], updated_at = $3 WHERE workspace_id = $1 AND id = $2`,
      [workspaceId, id, now],
    );
  },
};
