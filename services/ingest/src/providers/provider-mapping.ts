import { MappingFailure } from '../batch/event-batch.js';
import { contactSubject, type IdentityKind, type IdentityRules } from '@leadscore/contracts';
import { classifyClick, type TrafficVerdict } from '../traffic/machine-traffic.js';

export type Candidate = Record<string, unknown>;

/** The providers ingest takes webhooks from: the `provider` label of the ignored-events metric. */
export type Provider = 'sendgrid' | 'twilio' | 'zoom' | 'mailgun';

/** A provider event that maps to no canonical event on purpose, at its position in the delivery. */
export interface IgnoredEvent {
  /** Position in the provider's delivery (0 for providers that send one event per request). */
  readonly index: number;
  readonly id?: string;
  /** The provider's own name of the event kind, as sent (at most 64 characters). */
  readonly kind: string;
  /** Why it produces no event, for the sender and the README's provider table. */
  readonly reason: string;
  /**
   * The `kind` label of `leadscore_ingest_ignored_events_total`: the kind when the mapping knows it,
   * `other` for kinds it has never heard of (a closed set, whatever a provider sends).
   */
  readonly label: string;
}

/**
 * What one provider delivery maps to: events to check and produce (or failures holding their place),
 * the position in the delivery each came from, and the provider events ignored on purpose.
 */
export interface ProviderMapping {
  readonly candidates: readonly (Candidate | MappingFailure)[];
  /** `positions[i]`: the position in the provider's delivery that `candidates[i]` came from. */
  readonly positions: readonly number[];
  readonly ignored: readonly IgnoredEvent[];
}

/** The mapping of a delivery holding one provider event: every candidate comes from position 0. */
export function oneEvent(...candidates: (Candidate | MappingFailure)[]): ProviderMapping {
  return { candidates, positions: candidates.map(() => 0), ignored: [] };
}

/** Why a provider event kind is ignored, from the event (which may add its details). */
export type IgnoreReasons<Event> = Readonly<Record<string, (event: Event) => string>>;

/**
 * The ignored event of a kind the mapping ignores on purpose (`reasons` has it; its metric label is
 * the kind), or of one it does not know (label `other`).
 */
export function ignoredEvent<Event>(
  provider: string,
  kind: string,
  reasons: IgnoreReasons<Event>,
  event: Event,
  index: number,
  id?: string,
): IgnoredEvent {
  const reason = Object.hasOwn(reasons, kind) ? reasons[kind]?.(event) : undefined;
  const shown = kind === '' ? '(none)' : kind.slice(0, 64);
  return {
    index,
    ...(id === undefined ? {} : { id }),
    kind: shown,
    reason: reason ?? `${provider} event "${shown}" is not one ingest maps to a lead event`,
    label: reason === undefined ? 'other' : kind,
  };
}

/** The most `email.bounced` keeps of an SMTP reply (the contract's limit). */
const MAX_BOUNCE_REASON = 2048;

/** An SMTP reply as `email.bounced` keeps it: `<code> <text>`, either part optional, within the contract's limit. */
export function smtpReason(code: string | undefined, text: string | undefined): string | undefined {
  const reason = [code, text?.trim()].filter((part) => part !== undefined && part !== '').join(' ');
  if (reason === '') return undefined;
  if (reason.length <= MAX_BOUNCE_REASON) return reason;
  // Never cut a surrogate pair in two: a lone surrogate is refused as hostile content.
  const cut = reason.slice(0, MAX_BOUNCE_REASON - 1).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}…`;
}

export const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;

export function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

/** The data of a provider's `email.opened`: the message reference and the machine-open verdict. */
export function openedData(
  ref: Record<string, unknown>,
  userAgent: string | undefined,
  verdict: TrafficVerdict,
): Record<string, unknown> {
  return {
    ...ref,
    user_agent: userAgent,
    machine_open: verdict.machine,
    machine_open_reason: verdict.machine ? verdict.reason : undefined,
  };
}

/** The data of a provider's `email.clicked`: the message reference, the link and the bot verdict. */
export function clickedData(
  ref: Record<string, unknown>,
  userAgent: string | undefined,
  url: string | undefined,
): Record<string, unknown> {
  const verdict = classifyClick({ userAgent });
  return {
    ...ref,
    url,
    user_agent: userAgent,
    bot: verdict.machine,
    bot_reason: verdict.machine ? verdict.reason : undefined,
  };
}

/** Unix seconds (number or numeric string) → RFC 3339. */
export function unixToIso(value: unknown): string | undefined {
  const seconds =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)
        ? Number(value)
        : NaN;
  return Number.isFinite(seconds) ? new Date(Math.round(seconds * 1000)).toISOString() : undefined;
}

/** The contact key for a provider's email or phone, or a failure naming the provider field. */
export function subjectFor(
  kind: IdentityKind,
  value: unknown,
  field: string,
  rules: IdentityRules,
  id?: string,
): string | MappingFailure {
  const raw = str(value);
  if (!raw)
    return new MappingFailure(
      [{ field, expected: kind === 'email' ? 'the recipient email address' : 'the phone number' }],
      id,
    );
  const subject = contactSubject(kind, raw, rules);
  return subject.ok ? subject.value : new MappingFailure([{ field, expected: subject.expected }], id);
}
