import {
  type AccountFitContribution,
  type AccountRollup,
  type AccountScores,
  type AccountScoring,
} from '@leadscore/contracts';
import freeEmailDomains from 'free-email-domains';
import { conditionHolds, fieldAt } from './field-conditions.js';
import { type ContactProfile } from './refit.js';
import { gradeOf, roundScore } from './score.js';
import { tierOf } from './tiers.js';
import { pointsOf } from './value-points.js';

const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set(freeEmailDomains);

/** Whether a domain is a free-mail or disposable one (the maintained `free-email-domains` list). */
export function isFreeMailDomain(domain: string): boolean {
  return FREE_MAIL_DOMAINS.has(domain.toLowerCase());
}

const COMPANY_ID = 'company.id';
const COMPANY_PREFIX = 'company.';

function accountIdText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** The domain of an email address, lower case, when it looks like one (`a@b.c`). */
function emailDomain(email: unknown): string | undefined {
  if (typeof email !== 'string') return undefined;
  const at = email.lastIndexOf('@');
  const domain = email
    .slice(at + 1)
    .trim()
    .toLowerCase();
  return at > 0 && domain.includes('.') && !domain.startsWith('.') && !domain.endsWith('.')
    ? domain
    : undefined;
}

/**
 * The account (company) a contact belongs to, from its profile: the `company.id` trait (a Segment
 * `group` call or an identify's `company` trait sets it), else the domain of its `email` unless that is a
 * free-mail or disposable domain. One account per contact and workspace; undefined: none.
 */
export function accountOfProfile(profile: ContactProfile | undefined): string | undefined {
  if (!profile) return undefined;
  const id = accountIdText(fieldAt(profile, COMPANY_ID));
  if (id !== undefined) return id;
  const domain = emailDomain(profile['email']);
  return domain !== undefined && !isFreeMailDomain(domain) ? domain : undefined;
}

/**
 * The account traits a profile carries: its `company` traits without the id, whether kept flattened
 * (`company.industry`, as ingest writes them) or nested. Undefined when it carries none.
 */
export function accountTraitsOf(profile: ContactProfile | undefined): ContactProfile | undefined {
  if (!profile) return undefined;
  const traits: Record<string, unknown> = {};
  const nested = profile['company'];
  if (typeof nested === 'object' && nested !== null && !Array.isArray(nested)) {
    for (const [name, value] of Object.entries(nested)) if (name !== 'id') traits[name] = value;
  }
  for (const [key, value] of Object.entries(profile)) {
    if (key.startsWith(COMPANY_PREFIX) && key !== COMPANY_ID)
      traits[key.slice(COMPANY_PREFIX.length)] = value;
  }
  return Object.keys(traits).length > 0 ? traits : undefined;
}

/**
 * Member engagement in the roll-up is counted in hundredths of a point (published scores are rounded to
 * hundredths), as integers: sums of any number of member changes stay exact.
 */
export function toCentiPoints(points: number): number {
  return Math.round(points * 100);
}

export function fromCentiPoints(centi: number): number {
  return roundScore(centi / 100);
}

/** How many of the highest members a roll-up reads: none for a sum, one for max, `top` for topMean. */
export function membersRead(rollup: AccountRollup): number {
  if (rollup.rollup === 'sum') return 0;
  if (rollup.rollup === 'max') return 1;
  return rollup.top ?? 1;
}

/** The roll-up as events and answers show it: its kind, and `top` for topMean only. */
export function rollupView(rollup: AccountRollup): { kind: AccountRollup['rollup']; top?: number } {
  return rollup.rollup === 'topMean' && rollup.top !== undefined
    ? { kind: rollup.rollup, top: rollup.top }
    : { kind: rollup.rollup };
}

/** What a roll-up reads of an account's members, in hundredths of a point. */
export interface RollupInput {
  /** Every member's engagement added up. */
  readonly sum: number;
  readonly members: number;
  /** The highest members' engagement, largest first: at least `membersRead(rollup)` of them, or all. */
  readonly highest: readonly number[];
}

/**
 * The account's engagement from its members' current engagement, in hundredths: `sum` adds them all,
 * `max` is the highest (0 without members), `topMean` the mean of the `top` highest (of all members
 * when there are fewer; 0 without members). Members' engagement already decays, so nothing here does.
 */
export function rollUpEngagement(rollup: AccountRollup, input: RollupInput): number {
  if (rollup.rollup === 'sum') return input.sum;
  const counted = input.highest.slice(0, Math.min(membersRead(rollup), input.members));
  if (counted.length === 0) return 0;
  if (rollup.rollup === 'max') return counted[0] ?? 0;
  return counted.reduce((sum, value) => sum + value, 0) / counted.length;
}

/** The account fit rules that match an account's traits, with their points, and their sum. */
export function accountFitOf(
  scoring: AccountScoring,
  traits: ContactProfile | undefined,
): { readonly points: number; readonly rules: readonly AccountFitContribution[] } {
  const rules: AccountFitContribution[] = [];
  let points = 0;
  for (const rule of scoring.fit ?? []) {
    const value = conditionHolds(rule, traits ?? {}) ? pointsOf(rule.points, traits ?? {}) : undefined;
    if (value === undefined) continue;
    rules.push({ rule: rule.id, points: value });
    points += value;
  }
  return { points, rules };
}

/**
 * The published scores of an account: fit plus rolled-up engagement, rounded to hundredths, the account
 * tier (named tiers hold from `previousTierName`, as contacts' do) and the grade of its fit.
 */
export function accountScoresOf(
  scoring: AccountScoring,
  fit: number,
  engagement: number,
  members: number,
  previousTierName?: string,
): AccountScores {
  const total = roundScore(fit + engagement);
  const { tier, tierName } = tierOf(scoring, total, previousTierName);
  const scores: AccountScores = {
    fit: roundScore(fit),
    engagement: roundScore(engagement),
    total,
    tier,
    grade: gradeOf(scoring, roundScore(fit)),
    members,
  };
  return tierName === undefined ? scores : { ...scores, tierName };
}

export function sameAccountScores(a: AccountScores | null, b: AccountScores): boolean {
  return (
    a !== null &&
    a.fit === b.fit &&
    a.engagement === b.engagement &&
    a.total === b.total &&
    a.tier === b.tier &&
    a.tierName === b.tierName &&
    a.grade === b.grade &&
    a.members === b.members
  );
}

/** What the roll-up remembers of one member under one model. */
export interface MemberRecord {
  readonly account: string | null;
  /** The member's last rolled-up engagement, in hundredths. */
  readonly engagement: number;
  /** The member's last rolled-up score-changed sequence. */
  readonly sequence: number;
}

/** One member score change as the roll-up reads it. */
export interface MemberChange {
  readonly sequence: number;
  /** The member's account after the change (null: none, or it left by a merge or an erasure). */
  readonly account: string | null;
  /** The member's engagement after the change, in hundredths. */
  readonly engagement: number;
}

/** What a member change does to one account. */
export interface AccountEffect {
  readonly account: string;
  readonly kind: 'member-changed' | 'member-joined' | 'member-left';
  /** Change of the sum of members' engagement, in hundredths. */
  readonly sumDelta: number;
  readonly membersDelta: number;
}

export type MemberUpdate =
  | { readonly duplicate: true }
  | { readonly duplicate: false; readonly record: MemberRecord; readonly effects: readonly AccountEffect[] };

/**
 * Applies one member score change to what the roll-up remembers of the member. A change at or below the
 * member's last rolled-up sequence is a redelivery and changes nothing, so each change counts once; a
 * change of account takes the member's whole contribution from the old account to the new one.
 */
export function updateMember(stored: MemberRecord | undefined, change: MemberChange): MemberUpdate {
  if (stored && change.sequence <= stored.sequence) return { duplicate: true };
  const record: MemberRecord = {
    account: change.account,
    engagement: change.engagement,
    sequence: change.sequence,
  };
  const before = stored?.account ?? null;
  const effects: AccountEffect[] = [];
  if (before !== null && before === change.account) {
    effects.push({
      account: before,
      kind: 'member-changed',
      sumDelta: change.engagement - (stored?.engagement ?? 0),
      membersDelta: 0,
    });
  } else {
    if (before !== null) {
      effects.push({
        account: before,
        kind: 'member-left',
        sumDelta: -(stored?.engagement ?? 0),
        membersDelta: -1,
      });
    }
    if (change.account !== null) {
      effects.push({
        account: change.account,
        kind: 'member-joined',
        sumDelta: change.engagement,
        membersDelta: 1,
      });
    }
  }
  return { duplicate: false, record, effects };
}
