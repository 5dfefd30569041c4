/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/rescore-list.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * Response of GET /v1/models/{id}/rescores: the model's rescores, newest first (at most 50).
 */
export interface RescoreList {
  rescores: Rescore[];
}
/**
 * A rescore of a model version: every archived contact of the workspace replayed under it into shadow state while live traffic flows, each contact switched atomically (the archive's Kafka positions say which events the shadow holds), score changes (cause `rescore`) only for contacts whose scores, tier or stage moved, their transitions paced. A dry run counts and switches nothing.
 */
export interface Rescore {
  id: string;
  workspace: string;
  model: {
    id: string;
    /**
     * The version the contacts are rescored under.
     */
    version: number;
  };
  /**
   * Only count what the rescore would change, publish and send; no state is switched.
   */
  dryRun: boolean;
  /**
   * Asked for through the api or CLI, or started by the scorer when a model is applied for the first time (its engagement history replayed).
   */
  reason: 'requested' | 'first-apply';
  /**
   * queued: waiting for a scorer; running; cancelled (resume continues where it stopped); done; failed (`error` says why; resume retries); superseded: a newer version of the model was applied before it finished (rescore that one).
   */
  status: 'queued' | 'running' | 'cancelled' | 'done' | 'failed' | 'superseded';
  /**
   * At most this many tier and stage transitions per second go out (a burst of one switch at most), so a model edit cannot flood a CRM.
   */
  transitionsPerSecond: number;
  progress: {
    /**
     * Contacts rescored (or counted) so far.
     */
    contacts: number;
    /**
     * Contacts the archive held when the rescore started (null until it started).
     */
    total: number | null;
    /**
     * contacts / total (1 when done).
     */
    ratio: number;
    /**
     * The last contact key done: a resumed rescore goes on after it.
     */
    cursor: string | null;
  };
  counts: {
    replayedEvents: number;
    /**
     * Contacts whose scores, tier or grade moved (each publishes one change, cause `rescore`).
     */
    changedContacts: number;
    unchangedContacts: number;
    /**
     * Erased contacts and contacts merged into another (their events count under the survivor).
     */
    skippedContacts: number;
    /**
     * Score-changed events with cause `rescore`.
     */
    scoreChanges: number;
    tierTransitions: number;
    /**
     * Lifecycle stage transitions (MQL, SQL, recycled) the changes cause, judged from each contact's current lifecycle.
     */
    stageTransitions: number;
    /**
     * Webhook deliveries those transitions and score changes cause under the workspace's enabled subscriptions.
     */
    webhooks: number;
  };
  /**
   * The period of history replayed: the archive's oldest event (its retention bounds a rescore) to the last replay.
   */
  history: {
    from: string | null;
    until: string | null;
  };
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  updatedAt: string;
  finishedAt: string | null;
}
