import { Topics, contactKey, type ScoringModel } from '@leadscore/contracts';
import { type ContactScoreRow, type OutboxMessage, type RankedScoreRow } from '@leadscore/persistence';
import { scoreChangedEvent, scoreRowOf } from '@leadscore/score-events';
import { advanceTo, onlyReportChanged, type ContactScoreState } from '@leadscore/scoring';

export const DECAY_EVENT_SOURCE = 'leadscore/decay';
/** The outbox source the decay leader publishes (one publisher at a time, so per-key order holds). */
export const DECAY_OUTBOX_SOURCE = 'decay';

export type DecayCause = 'decay' | 'expiry' | 'inactivity' | 'absence';

export interface DecayRangePlan {
  /** Rows advanced to the pass time (only those not already there) whose state changed in substance. */
  readonly scores: RankedScoreRow[];
  /** Rows advanced to the pass time that only decayed: their state changed in its report fields alone. */
  readonly reports: RankedScoreRow[];
  /**
   * Rows already at or past the pass time, left as they are: only their rank and attention time are
   * recorded (a state scored after its attention time was read must not stay due).
   */
  readonly unchanged: RankedScoreRow[];
  readonly outbox: OutboxMessage[];
  readonly scanned: number;
  readonly changesByCause: Readonly<Record<DecayCause, number>>;
}

/**
 * One contact-id range of a pass, pure: every state not yet at `target` is advanced to it with
 * `advanceTo` from libs/scoring (expiry, absences, inactivity each at its own time, then decay), so
 * the service and the engine share one formula. States already at or past `target` (decayed by an
 * earlier, interrupted run of this pass, or scored later by the scorer) are left alone: never decayed twice.
 */
export function planDecayRange(
  model: ScoringModel,
  rows: readonly ContactScoreRow[],
  target: number,
  scoreChangedTopic: string = Topics.scoreChanged,
): DecayRangePlan {
  const scores: RankedScoreRow[] = [];
  const reports: RankedScoreRow[] = [];
  const unchanged: RankedScoreRow[] = [];
  const outbox: OutboxMessage[] = [];
  const changesByCause: Record<DecayCause, number> = { decay: 0, expiry: 0, inactivity: 0, absence: 0 };
  for (const row of rows) {
    const state = row.state as ContactScoreState;
    if (state.asOf >= target) {
      unchanged.push(scoreRowOf(row.workspaceId, model, row.contactId, state));
      continue;
    }
    const result = advanceTo(model, state, target);
    (onlyReportChanged(state, result.state) ? reports : scores).push(
      scoreRowOf(row.workspaceId, model, row.contactId, result.state),
    );
    const change = result.change;
    if (!change) continue;
    const cause = change.cause.type as DecayCause;
    changesByCause[cause] += 1;
    const payload = scoreChangedEvent(row.workspaceId, row.contactId, change, DECAY_EVENT_SOURCE);
    outbox.push({
      eventId: payload.id,
      source: DECAY_OUTBOX_SOURCE,
      topic: scoreChangedTopic,
      key: contactKey(row.workspaceId, row.contactId),
      payload,
      headers: { 'content-type': 'application/cloudevents+json' },
    });
  }
  return { scores, reports, unchanged, outbox, scanned: rows.length, changesByCause };
}
