import { MappingFailure } from '../batch/event-batch.js';
import { contactSubject, type IdentityKind, type IdentityRules } from '../identity/contact-identity.js';
import { classifyClick, type TrafficVerdict } from '../traffic/machine-traffic.js';

export type Candidate = Record<string, unknown>;

/** What one provider delivery maps to: events to check and produce, and how many it ignored on purpose. */
export interface ProviderMapping {
  readonly candidates: (Candidate | MappingFailure)[];
  /** Provider events with no canonical counterpart (SendGrid `processed`, Twilio `queued`, ...). */
  readonly ignored: number;
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
