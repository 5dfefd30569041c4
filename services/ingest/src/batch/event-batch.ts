import {
  CLOUDEVENTS_SPEC_VERSION,
  isCustomEvent,
  isOutcomeEventType,
  normalizeSubject,
  CONTACT_ERASED,
  type CanonicalEvent,
  type EventValidationIssue,
  type EventValidator,
  type IdentityRules,
} from '@leadscore/contracts';
import { mayWrite, type KeyKind } from '../auth/workspace-key.js';
import { isPlainObject } from '../http/request-body.js';
import { hostileContentIssue } from './hostile-content.js';
import { classifyClick, classifyOpen } from '../traffic/machine-traffic.js';

/**
 * An input that could not even be mapped to a canonical event (Segment call or provider payload of an
 * unsupported kind); it takes its place in the batch so that its result keeps its index. `original`
 * is the input as received, for the dead-letter topic; `reason` is `forbidden` for an input its
 * sender may not write (not dead-lettered), `invalid` otherwise.
 */
export class MappingFailure {
  constructor(
    readonly issues: readonly EventValidationIssue[],
    readonly id?: string,
    readonly original?: unknown,
    readonly reason: 'invalid' | 'forbidden' = 'invalid',
  ) {}

  /** This failure, carrying the input it failed on (kept if one is already known). */
  about(original: unknown): MappingFailure {
    return this.original === undefined
      ? new MappingFailure(this.issues, this.id, original, this.reason)
      : this;
  }
}

/** Who sent a batch and under which rules: everything the pure batch check needs besides the events. */
export interface BatchContext {
  readonly workspace: string;
  readonly keyKind: KeyKind;
  /** CloudEvents `source` for events that do not name one, e.g. `/v1/events`. */
  readonly defaultSource: string;
  /** Receipt time (RFC 3339), used when an event has no `time`. */
  readonly receivedAt: string;
  readonly identity: IdentityRules;
  readonly maxEventBytes: number;
  readonly validator: EventValidator;
}

/**
 * The answer for one input. `id` is the id the event was (or would have been) produced with;
 * `idDerived: true` says ingest derived it (a Segment call without messageId), so that a client can
 * see which id its call got.
 */
export type EventResult =
  | { readonly index: number; readonly id: string; readonly idDerived?: true; readonly status: 'accepted' }
  | {
      readonly index: number;
      readonly id: string;
      readonly idDerived?: true;
      readonly status: 'duplicate';
      readonly duplicateOf: number;
    }
  | {
      readonly index: number;
      readonly id?: string;
      readonly idDerived?: true;
      readonly status: 'rejected';
      readonly reason: 'invalid' | 'too_large' | 'forbidden';
      readonly errors: readonly EventValidationIssue[];
    };

/** An event ready for Kafka: the envelope and its serialized value. */
export interface AcceptedEvent {
  readonly index: number;
  readonly event: CanonicalEvent;
  readonly value: string;
}

export interface BatchOutcome {
  /** One entry per input event, in input order. */
  readonly results: EventResult[];
  readonly accepted: AcceptedEvent[];
}

function idOf(candidate: Record<string, unknown>): string | undefined {
  return typeof candidate['id'] === 'string' ? candidate['id'] : undefined;
}

/** Fills the attributes ingest owns or defaults; never overrides what the client sent, except to reject it. */
function withDefaults(
  candidate: Record<string, unknown>,
  ctx: BatchContext,
):
  | { readonly ok: true; readonly event: Record<string, unknown> }
  | { readonly ok: false; readonly issue: EventValidationIssue } {
  if (candidate['workspace'] !== undefined && candidate['workspace'] !== ctx.workspace) {
    return {
      ok: false,
      issue: { field: 'workspace', expected: `"${ctx.workspace}" (the workspace of the key) or no value` },
    };
  }
  const event: Record<string, unknown> = {
    specversion: CLOUDEVENTS_SPEC_VERSION,
    source: ctx.defaultSource,
    time: ctx.receivedAt,
    ...candidate,
    workspace: ctx.workspace,
  };
  if (typeof event['subject'] === 'string') {
    const subject = normalizeSubject(event['subject'], ctx.identity);
    if (!subject.ok) return { ok: false, issue: { field: 'subject', expected: subject.expected } };
    event['subject'] = subject.value;
  }
  return { ok: true, event };
}

/**
 * Marks machine traffic when the event carries a user agent and the sender did not classify it. A
 * custom event is judged like a click or a page view (a browser or a bot did it), when it carries a
 * `user_agent` string.
 */
function markMachineTraffic(event: CanonicalEvent): void {
  if (isCustomEvent(event)) {
    const data = event.data;
    if (typeof data.user_agent === 'string' && data.bot === undefined) {
      const verdict = classifyClick({ userAgent: data.user_agent });
      data.bot = verdict.machine;
      if (verdict.machine) data.bot_reason = verdict.reason;
    }
    return;
  }
  if (event.type === 'email.opened') {
    const data = event.data;
    if (data.user_agent !== undefined && data.machine_open === undefined) {
      const verdict = classifyOpen({ userAgent: data.user_agent });
      data.machine_open = verdict.machine;
      if (verdict.machine) data.machine_open_reason = verdict.reason;
    }
  } else if (
    event.type === 'email.clicked' ||
    event.type === 'web.page_viewed' ||
    event.type === 'web.link_clicked' ||
    event.type === 'web.form_submitted'
  ) {
    const data = event.data;
    if (data.user_agent !== undefined && data.bot === undefined) {
      const verdict = classifyClick({ userAgent: data.user_agent });
      data.bot = verdict.machine;
      if (verdict.machine) data.bot_reason = verdict.reason;
    }
  }
}

/**
 * Checks every event of a batch on its own: a bad event is rejected with its index and reasons and
 * never takes a valid sibling down with it; a second event with an id already accepted in the same
 * request is reported as a duplicate and produced once. Hostile content (hostileContentIssue) is
 * refused before anything else reads the event.
 */
export function checkBatch(candidates: readonly unknown[], ctx: BatchContext): BatchOutcome {
  const results: EventResult[] = [];
  const accepted: AcceptedEvent[] = [];
  // A batch of one (the pixel, most webhooks) cannot hold a duplicate: no map to build.
  const firstIndexById = candidates.length > 1 ? new Map<string, number>() : undefined;

  candidates.forEach((candidate, index) => {
    if (candidate instanceof MappingFailure) {
      const errors = [...candidate.issues];
      const reason = candidate.reason;
      results.push(
        candidate.id === undefined
          ? { index, status: 'rejected', reason, errors }
          : { index, id: candidate.id, status: 'rejected', reason, errors },
      );
      return;
    }
    if (!isPlainObject(candidate)) {
      results.push({
        index,
        status: 'rejected',
        reason: 'invalid',
        errors: [{ field: '(event)', expected: 'a JSON object' }],
      });
      return;
    }
    const id = idOf(candidate);
    const reject = (reason: 'invalid' | 'too_large' | 'forbidden', errors: EventValidationIssue[]): void => {
      results.push(
        id === undefined
          ? { index, status: 'rejected', reason, errors }
          : { index, id, status: 'rejected', reason, errors },
      );
    };
    const hostile = hostileContentIssue(candidate, '(event)');
    if (hostile) {
      reject('invalid', [hostile]);
      return;
    }
    const prepared = withDefaults(candidate, ctx);
    if (!prepared.ok) {
      reject(prepared.issue.field === 'workspace' ? 'forbidden' : 'invalid', [prepared.issue]);
      return;
    }
    const validation = ctx.validator.validate(prepared.event);
    if (!validation.valid) {
      reject('invalid', [...validation.issues]);
      return;
    }
    const event = validation.event;
    // Outcomes (won, lost, sales accepted) are admin actions with an audit row: only the api records them.
    if (isOutcomeEventType(event.type)) {
      reject('forbidden', [
        {
          field: 'type',
          expected: `an event type ingest takes: ${event.type} is an outcome, recorded through the api (POST /v1/contacts/{contact}/outcomes with an admin key)`,
        },
      ]);
      return;
    }
    // An erasure deletes the contact everywhere: an admin action of the api, with its audit row.
    if (event.type === CONTACT_ERASED) {
      reject('forbidden', [
        {
          field: 'type',
          expected: `an event type ingest takes: ${CONTACT_ERASED} is published by the api when a contact is erased (DELETE /v1/contacts/{contact} with an admin key)`,
        },
      ]);
      return;
    }
    if (!mayWrite(ctx.keyKind, event.type, event.data)) {
      reject('forbidden', [
        {
          field: 'type',
          expected:
            event.type === 'contact.merged'
              ? 'a merge of an anonymous visitor (merged_subject anon:<id>): merging two known contacts needs a secret key'
              : event.type === 'contact.updated'
                ? "an update of the contact's company only (company.* traits, what a Segment group call sets): other profile fields need a secret key"
                : `an engagement event type: ${event.type} needs a secret key`,
        },
      ]);
      return;
    }
    const dedupeKey = firstIndexById ? `${event.source}\u0000${event.id}` : '';
    const first = firstIndexById?.get(dedupeKey);
    if (first !== undefined) {
      results.push({ index, id: event.id, status: 'duplicate', duplicateOf: first });
      return;
    }
    markMachineTraffic(event);
    const value = JSON.stringify(event);
    const bytes = Buffer.byteLength(value, 'utf8');
    if (bytes > ctx.maxEventBytes) {
      reject('too_large', [
        {
          field: '(event)',
          expected: `at most ${ctx.maxEventBytes} bytes of JSON (this event has ${bytes})`,
        },
      ]);
      return;
    }
    firstIndexById?.set(dedupeKey, index);
    accepted.push({ index, event, value });
    results.push({ index, id: event.id, status: 'accepted' });
  });
  return { results, accepted };
}
