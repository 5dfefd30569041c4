import { type Grade, type ScoringModel } from '@leadscore/contracts';
import { type DecayKey } from './decay-rate.js';
import { ScoringInputError } from './errors.js';

/**
 * Everything the engine remembers about one contact under one model. Plain JSON (numbers are epoch ms,
 * no Maps or Dates), so it can be stored as PostgreSQL jsonb and compared with toEqual.
 */
export interface ContactScoreState {
  /** Shape version of this object, for migrations of stored states. */
  readonly format: 1;
  /** The model (and version) that last touched the state. */
  readonly model: { readonly id: string; readonly version: number };
  /** When the state was created; anchors inactivity for contacts who never engaged. */
  readonly createdAt: number;
  /** The latest time the state reflects; operations never move it backwards. */
  readonly asOf: number;
  /** Fit points per matching fit rule, and their sum. Fit never decays. */
  readonly fit: { readonly points: number; readonly rules: Readonly<Record<string, number>> };
  readonly engagement: {
    /** Engagement by decay rate: each bucket is `value` as of `asOf`, decaying analytically after it. */
    readonly buckets: Readonly<Record<DecayKey, DecayBucket>>;
    /** The same points by rule, for explanations (the buckets are the score; these say where it came from). */
    readonly rules: Readonly<Record<string, RuleContribution>>;
  };
  /** Awards of rules with a points lifetime, ordered by expiry, so each leaves exactly when it ends. */
  readonly awards: readonly ExpiringAward[];
  /** Award counts of rules with limits. */
  readonly counters: Readonly<Record<string, RuleCounter>>;
  /**
   * Per frequency rule, the times of its latest matching events still in its window, oldest first: at
   * most as many as its ranges tell apart (from that count on every count is in the same range). The
   * count gives the range; the rule's points in `engagement.rules` are what a take-back removes. Absent
   * until a frequency rule first counts, so states of models without one keep their shape.
   */
  readonly frequency?: Readonly<Record<string, readonly number[]>>;
  /** Absence rules waiting for their follow-up event. */
  readonly pendingAbsences: readonly PendingAbsence[];
  /** Inactivity penalties applied during the current stretch of inactivity, per rule. */
  readonly inactivity: Readonly<Record<string, InactivityMark>>;
  /** When an event last matched an engagement rule with positive points (null: never). */
  readonly lastEngagementAt: number | null;
  /** Ids of the most recent events applied (oldest first), at most PROCESSED_EVENT_IDS_KEPT. */
  readonly processedEventIds: readonly string[];
  /** The scores carried by the last change; the `previous` of the next one. */
  readonly reported: ScoreSnapshot | null;
  /** Number of changes emitted for this contact and model: a gapless per-contact sequence. */
  readonly sequence: number;
  /**
   * The account (company) the contact belongs to (libs/scoring `accountOfProfile`); absent when none, so
   * states of contacts without one keep their shape. Every change carries it to the account roll-up.
   */
  readonly account?: string;
  /**
   * Under a model with a `predictive` section: what its features look at. Absent otherwise, so states
   * of other models keep their shape.
   */
  readonly predictive?: PredictiveInputs;
}

/** The inputs of the predictive score, kept between events: profile values, and counts of events by type. */
export interface PredictiveInputs {
  /** The profile values the predictive features look at, by field path, as of the last profile change. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Events of each counted type since the state began (deduped as every event is). */
  readonly counts: Readonly<Record<string, number>>;
}

export interface DecayBucket {
  readonly value: number;
  readonly asOf: number;
}

export type ContributionKind = 'fit' | 'engagement' | 'absence' | 'inactivity';

export interface RuleContribution {
  readonly kind: Exclude<ContributionKind, 'fit'>;
  readonly decay: DecayKey;
  readonly value: number;
  readonly asOf: number;
  /** The event behind the latest award (for absences: the trigger event; null for inactivity). */
  readonly lastEventId: string | null;
}

export interface ExpiringAward {
  readonly ruleId: string;
  readonly kind: Exclude<ContributionKind, 'fit'>;
  readonly eventId: string | null;
  /** Points as awarded (after caps), before decay. */
  readonly points: number;
  readonly decay: DecayKey;
  readonly awardedAt: number;
  readonly expiresAt: number;
}

export interface RuleCounter {
  /** Awards ever made by the rule. */
  readonly lifetime: number;
  /** Times of the recent awards that per-day and rolling-window limits still need. */
  readonly recent: readonly number[];
}

/** A correlation value copied from the trigger event's data. */
export type CorrelationValue = string | number | boolean | null;

export interface PendingAbsence {
  readonly ruleId: string;
  readonly triggerEventId: string;
  readonly triggeredAt: number;
  /** The follow-up must arrive before this time; at it, the penalty applies. */
  readonly dueAt: number;
  readonly correlation: Readonly<Record<string, CorrelationValue>>;
}

export interface InactivityMark {
  /** The last-engagement time (or createdAt) the penalties were counted from. */
  readonly anchor: number;
  readonly penalties: number;
}

export type Tier = 'cold' | 'warm' | 'hot';

/** Scores as published: rounded to hundredths. */
export interface ScoreSnapshot {
  readonly fit: number;
  readonly engagement: number;
  readonly total: number;
  /** null when the model defines no tiers; under named tiers, what the named tier counts as. */
  readonly tier: Tier | null;
  /** The named tier, under a model with named tiers (absent otherwise). */
  readonly tierName?: string;
  /** null when the model defines no grade band for the fit score. */
  readonly grade: Grade | null;
  /** The predictive score, 0–100 in hundredths, under a model with a `predictive` section (absent otherwise). */
  readonly probability?: number;
}

/**
 * How many event ids a state remembers for dedupe. The scorer's dedupe of record is its processed-events
 * table and stored offsets; these guard a pure caller against an immediate resend and tell a rescore the
 * last event the live state applied. Few, so that a long-lived contact's state stays well under
 * PostgreSQL's 2 KB TOAST threshold (128 source-qualified UUIDs were ~6 KB, compressed on every write).
 */
export const PROCESSED_EVENT_IDS_KEPT = 16;

/** A new contact's state. */
export function emptyState(model: ScoringModel, now: number): ContactScoreState {
  if (!Number.isFinite(now))
    throw new ScoringInputError(`time must be epoch milliseconds, got ${String(now)}`);
  return {
    format: 1,
    model: { id: model.id, version: model.version },
    createdAt: now,
    asOf: now,
    fit: { points: 0, rules: {} },
    engagement: { buckets: {}, rules: {} },
    awards: [],
    counters: {},
    pendingAbsences: [],
    inactivity: {},
    lastEngagementAt: null,
    processedEventIds: [],
    reported: null,
    sequence: 0,
  };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A working copy the engine may change; the caller's state is never mutated. */
export interface StateDraft {
  format: 1;
  model: { id: string; version: number };
  createdAt: number;
  asOf: number;
  fit: { points: number; rules: Record<string, number> };
  engagement: {
    buckets: Record<DecayKey, Mutable<DecayBucket>>;
    rules: Record<string, Mutable<RuleContribution>>;
  };
  awards: ExpiringAward[];
  counters: Record<string, { lifetime: number; recent: number[] }>;
  frequency?: Record<string, readonly number[]>;
  pendingAbsences: PendingAbsence[];
  inactivity: Record<string, InactivityMark>;
  lastEngagementAt: number | null;
  processedEventIds: string[];
  reported: ScoreSnapshot | null;
  sequence: number;
  account?: string;
  predictive?: PredictiveInputs;
}

const copyValues = <T extends object>(record: Readonly<Record<string, T>>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).map(([key, value]) => [key, { ...value }]));

export function draftOf(state: ContactScoreState, model: ScoringModel): StateDraft {
  const draft: StateDraft = {
    format: 1,
    model: { id: model.id, version: model.version },
    createdAt: state.createdAt,
    asOf: state.asOf,
    fit: { points: state.fit.points, rules: { ...state.fit.rules } },
    engagement: { buckets: copyValues(state.engagement.buckets), rules: copyValues(state.engagement.rules) },
    awards: [...state.awards],
    counters: Object.fromEntries(
      Object.entries(state.counters).map(([id, counter]) => [
        id,
        { lifetime: counter.lifetime, recent: [...counter.recent] },
      ]),
    ),
    pendingAbsences: [...state.pendingAbsences],
    inactivity: { ...state.inactivity },
    lastEngagementAt: state.lastEngagementAt,
    processedEventIds: [...state.processedEventIds],
    reported: state.reported,
    sequence: state.sequence,
  };
  // Added afterwards rather than by a conditional spread in the literal (V8 builds a literal with a
  // spread on its slow path), and only when present: a state without frequency rules has no such key.
  if (state.frequency !== undefined) draft.frequency = { ...state.frequency };
  if (state.account !== undefined) draft.account = state.account;
  // Replaced, never changed in place (countPredictiveEvent, rememberPredictiveFields): sharing is safe.
  if (state.predictive !== undefined) draft.predictive = state.predictive;
  return draft;
}

/** The fields of a state that publishing a change rewrites; the rest is the score's substance. */
const REPORT_FIELDS: ReadonlySet<string> = new Set<keyof ContactScoreState>([
  'asOf',
  'model',
  'reported',
  'sequence',
]);

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  const aRecord = a as Record<string, unknown>;
  const bRecord = b as Record<string, unknown>;
  return aKeys.every((key) => Object.hasOwn(bRecord, key) && sameJson(aRecord[key], bRecord[key]));
}

/**
 * True when `after` differs from `before` at most in `asOf`, `model`, `reported` and `sequence`: a
 * contact that only decayed. Its stored state can then be brought up to date by writing those alone.
 */
export function onlyReportChanged(before: ContactScoreState, after: ContactScoreState): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const a = before as unknown as Record<string, unknown>;
  const b = after as unknown as Record<string, unknown>;
  for (const key of keys) if (!REPORT_FIELDS.has(key) && !sameJson(a[key], b[key])) return false;
  return true;
}
