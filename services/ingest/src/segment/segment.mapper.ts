import {
  CUSTOM_EVENT_TYPE_PREFIX,
  isWellFormedCustomEventType,
  normalizeEmail,
  normalizePhone,
  type IdentityRules,
} from '@leadscore/contracts';
import { MappingFailure } from '../batch/event-batch.js';
import { hostileContentIssue } from '../batch/hostile-content.js';
import { isPlainObject } from '../http/request-body.js';
import { withTrackedFields } from '../tracking/tracked-form-fields.js';
import { deriveMessageId } from './segment-message-id.js';
import { segmentEventTime } from './segment-time.js';

/**
 * Segment (and RudderStack) tracking calls → canonical event candidates, so existing SDKs and
 * hand-written HTTP calls can point at ingest: `messageId` (else an id derived from the call,
 * deriveMessageId) → id, `userId` (else `anonymousId`) → subject, `timestamp` / `originalTimestamp` /
 * `sentAt` → time (segmentEventTime), `context.page` / `context.campaign` / `context.userAgent` → data;
 * `track` names we do not map become custom events `custom.<name>` with every property kept; a `group`
 * call sets the contact's company (`company.id` = groupId, `company.<trait>`). The
 * services README lists every mapping. Candidates still go through the batch check (schema, identity
 * rules, duplicates).
 */
export type SegmentCallType = 'track' | 'identify' | 'page' | 'group' | 'alias';

export const SEGMENT_CALL_TYPES: readonly SegmentCallType[] = ['track', 'identify', 'page', 'group', 'alias'];

type Candidate = Record<string, unknown>;

interface TrackMapping {
  readonly type: string;
  readonly data: (
    properties: Record<string, unknown>,
    context: Record<string, unknown>,
  ) => Record<string, unknown>;
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}

function emailRef(p: Record<string, unknown>): Record<string, unknown> {
  return {
    message_id: str(p['email_id']) ?? str(p['message_id']),
    campaign_id: str(p['campaign_id']),
    provider: 'segment',
  };
}

function userAgent(context: Record<string, unknown>): string | undefined {
  return str(context['userAgent']);
}

function utm(context: Record<string, unknown>): Record<string, unknown> | undefined {
  const campaign = context['campaign'];
  if (!isPlainObject(campaign)) return undefined;
  const value = compact({
    source: str(campaign['source']),
    medium: str(campaign['medium']),
    campaign: str(campaign['name']) ?? str(campaign['campaign']),
    term: str(campaign['term']),
    content: str(campaign['content']),
  });
  return Object.keys(value).length > 0 ? value : undefined;
}

function conversion(name: string): TrackMapping {
  return {
    type: 'contact.converted',
    data: (p) => ({
      conversion: name,
      value: num(p['revenue']) ?? num(p['value']) ?? num(p['total']),
      currency: str(p['currency'])?.toUpperCase(),
    }),
  };
}

/** Segment spec event names (Email, B2B SaaS, E-commerce) we understand, → canonical types. */
const TRACK_NAMES: Readonly<Record<string, TrackMapping>> = {
  'Email Delivered': { type: 'email.delivered', data: (p) => emailRef(p) },
  'Email Opened': { type: 'email.opened', data: (p, c) => ({ ...emailRef(p), user_agent: userAgent(c) }) },
  'Email Link Clicked': {
    type: 'email.clicked',
    data: (p, c) => ({ ...emailRef(p), url: str(p['link_url']) ?? str(p['url']), user_agent: userAgent(c) }),
  },
  'Email Bounced': {
    type: 'email.bounced',
    data: (p) => ({ ...emailRef(p), bounce_type: str(p['bounce_type']) ?? 'hard', reason: str(p['reason']) }),
  },
  Unsubscribed: {
    type: 'email.unsubscribed',
    data: (p) => ({ ...emailRef(p), scope: str(p['list_id']) ? 'list' : 'all', list_id: str(p['list_id']) }),
  },
  'Email Marked as Spam': { type: 'email.spam_reported', data: (p) => emailRef(p) },
  'Form Submitted': {
    type: 'web.form_submitted',
    data: (p, c) => ({
      form_id: str(p['form_id']) ?? str(p['form_name']),
      fields: p['fields'],
      url: pageUrl(p, c),
      user_agent: userAgent(c),
      utm: utm(c),
    }),
  },
  'Link Clicked': {
    type: 'web.link_clicked',
    data: (p, c) => ({
      url: str(p['url']) ?? str(p['href']),
      text: str(p['text']),
      page_url: pageUrl({}, c),
      user_agent: userAgent(c),
    }),
  },
  'Webinar Registered': {
    type: 'webinar.registered',
    data: (p) => ({ webinar_id: str(p['webinar_id']), topic: str(p['topic']), provider: 'segment' }),
  },
  'Webinar Attended': {
    type: 'webinar.attended',
    data: (p) => ({ webinar_id: str(p['webinar_id']), topic: str(p['topic']), provider: 'segment' }),
  },
  'Signed Up': conversion('signed_up'),
  'Trial Started': conversion('trial_started'),
  'Order Completed': conversion('order_completed'),
};

export const SEGMENT_TRACK_NAMES = Object.keys(TRACK_NAMES);

const CANONICAL_NAME = /^(email|sms|web|webinar|contact)\.[a-z_]+$/;

function pageOf(context: Record<string, unknown>): Record<string, unknown> {
  return isPlainObject(context['page']) ? context['page'] : {};
}

function pageUrl(properties: Record<string, unknown>, context: Record<string, unknown>): string | undefined {
  return str(properties['url']) ?? str(pageOf(context)['url']);
}

/**
 * The data of a custom event: every property as sent, and the context fields scoring and the bot check
 * read (custom.schema.json) where the properties do not have them — the page (`context.page`), the
 * campaign (`context.campaign` → `utm`) and the client (`context.userAgent` → `user_agent`).
 */
function customData(
  properties: Record<string, unknown>,
  context: Record<string, unknown>,
): Record<string, unknown> {
  const page = pageOf(context);
  const fromContext = compact({
    url: str(page['url']),
    path: str(page['path']),
    referrer: str(page['referrer']),
    title: str(page['title']),
    user_agent: userAgent(context),
    utm: utm(context),
  });
  const data: Record<string, unknown> = { ...properties };
  for (const [field, value] of Object.entries(fromContext))
    if (!Object.hasOwn(data, field)) data[field] = value;
  return data;
}

function subjectOf(message: Record<string, unknown>): string | undefined {
  const userId = str(message['userId']);
  if (userId) return `user:${userId}`;
  const anonymousId = str(message['anonymousId']);
  return anonymousId ? `anon:${anonymousId}` : undefined;
}

/**
 * Flattens identify (and group) traits to the scalar map fit rules match on (`address.city`, ...): the
 * profile's traits are flat names to scalars (contact.schema.json, ContactTraits).
 */
function flattenTraits(
  traits: Record<string, unknown>,
  prefix = '',
  out: Record<string, unknown> = {},
): Record<string, unknown> {
  for (const [name, value] of Object.entries(traits)) {
    const key = prefix + name;
    if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    )
      out[key] = value;
    else if (isPlainObject(value) && prefix.split('.').length < 3) flattenTraits(value, `${key}.`, out);
  }
  return out;
}

function identityData(message: Record<string, unknown>, rules: IdentityRules): Record<string, unknown> {
  const traits = isPlainObject(message['traits']) ? message['traits'] : {};
  const email = str(traits['email']);
  const phone = str(traits['phone']);
  const normalizedEmail = email ? normalizeEmail(email) : undefined;
  const normalizedPhone = phone ? normalizePhone(phone, rules) : undefined;
  const flattened = flattenTraits(traits);
  return compact({
    identities: compact({
      user_id: str(message['userId']),
      anonymous_id: str(message['anonymousId']),
      email: normalizedEmail?.ok ? normalizedEmail.value : undefined,
      phone: normalizedPhone?.ok ? normalizedPhone.value : undefined,
    }),
    traits: Object.keys(flattened).length > 0 ? flattened : undefined,
  });
}

/**
 * A form submission from a web page with only the fields the workspace lets pages send, before
 * anything reads it: neither the event nor the dead-letter copy of a refused call holds another one.
 */
function withTrackedFormSubmission(
  call: Record<string, unknown>,
  allowed: ReadonlySet<string>,
): Record<string, unknown> {
  const event = call['event'];
  const properties = call['properties'];
  if ((event !== 'Form Submitted' && event !== 'web.form_submitted') || !isPlainObject(properties))
    return call;
  return { ...call, properties: withTrackedFields(properties, allowed) };
}

/** What a request adds to each of its calls. */
export interface SegmentCallDefaults {
  /** The route's call type (`/v1/track`, ...); in /v1/batch each call names its own `type`. */
  readonly callType?: string;
  /** /v1/batch's `context`, merged under each call's own (the call's fields win). */
  readonly context?: Readonly<Record<string, unknown>>;
  /** /v1/batch's `sentAt` (the server libraries set it on the request), for calls without their own. */
  readonly sentAt?: unknown;
  /** When the request arrived (epoch ms): the clock-skew correction measures from it. */
  readonly receivedAtMs: number;
  /** Whether a `writeKey` inside a call is the key the request authenticated with. */
  readonly isRequestKey: (writeKey: string) => boolean;
  /**
   * Set for calls written with a publishable key (web pages): a form submission keeps only these
   * fields (the workspace's `trackingFormFields`, keepTrackedFields). Unset: the fields as sent.
   */
  readonly formFields?: ReadonlySet<string> | undefined;
}

export interface MappedSegmentCall {
  readonly candidate: Candidate | MappingFailure;
  /** The call had no messageId: the candidate's (or failure's) id was derived from its content. */
  readonly idDerived: boolean;
}

/**
 * Maps one Segment call. A failure carries the call as received (for the dead-letter topic), never
 * its `writeKey`. A call with hostile content is refused before the mapping reads it (traits and
 * properties are copied by key).
 */
export function mapSegmentCall(
  message: unknown,
  defaults: SegmentCallDefaults,
  rules: IdentityRules,
): MappedSegmentCall {
  if (!isPlainObject(message))
    return {
      candidate: new MappingFailure([{ field: '(message)', expected: 'a JSON object' }], undefined, message),
      idDerived: false,
    };
  // The credential never travels on: not to Kafka, not to the dead-letter topic, not into an id.
  const { writeKey, ...received } = message;
  const hostile = hostileContentIssue(received, '(message)');
  if (hostile)
    return {
      candidate: new MappingFailure([hostile], str(received['messageId']), received),
      idDerived: false,
    };
  const call = defaults.formFields ? withTrackedFormSubmission(received, defaults.formFields) : received;
  const callType = defaults.callType ?? str(call['type']) ?? str(call['action']) ?? '';
  const messageId = call['messageId'];
  const idDerived = messageId === undefined || messageId === null || messageId === '';
  const id = idDerived ? deriveMessageId(callType, call) : str(messageId);
  const fail = (field: string, expected: string, reason: 'invalid' | 'forbidden' = 'invalid') => ({
    candidate: new MappingFailure([{ field, expected }], id, call, reason),
    idDerived,
  });
  if (writeKey !== undefined && (typeof writeKey !== 'string' || !defaults.isRequestKey(writeKey)))
    return fail(
      'writeKey',
      'the write key the request authenticated with, or none (one request writes to one workspace)',
      'forbidden',
    );
  if (id === undefined)
    return fail('messageId', 'a string or a number; or leave it out and ingest derives one from the call');
  const mapped = mapCall(call, callType, id, defaults, rules);
  return {
    candidate: mapped instanceof MappingFailure ? mapped.about(call) : mapped,
    idDerived,
  };
}

function mapCall(
  message: Record<string, unknown>,
  callType: string,
  id: string,
  defaults: SegmentCallDefaults,
  rules: IdentityRules,
): Candidate | MappingFailure {
  if (!(SEGMENT_CALL_TYPES as readonly string[]).includes(callType)) {
    return new MappingFailure(
      [
        {
          field: 'type',
          expected: 'one of track, identify, page, group, alias (screen is not ingested)',
        },
      ],
      id,
    );
  }
  const subject = subjectOf(message);
  if (!subject) return new MappingFailure([{ field: 'userId', expected: 'a userId or an anonymousId' }], id);
  const time = segmentEventTime(
    {
      timestamp: message['timestamp'],
      originalTimestamp: message['originalTimestamp'],
      sentAt: message['sentAt'] ?? defaults.sentAt,
    },
    defaults.receivedAtMs,
  );
  if (!time.ok) return new MappingFailure([time.issue], id);
  const ownContext = isPlainObject(message['context']) ? message['context'] : {};
  const context = defaults.context ? { ...defaults.context, ...ownContext } : ownContext;
  const properties = isPlainObject(message['properties']) ? message['properties'] : {};
  const base = compact({ id, subject, time: time.time, source: `/v1/${callType}` });

  switch (callType as SegmentCallType) {
    case 'identify': {
      const data = identityData(message, rules);
      // Keyed by who the visitor is: the user id, else the email the traits name (the anonymous id in
      // the identities is merged into that contact: identity/stitching.ts).
      const email = (data['identities'] as { email?: string } | undefined)?.email;
      const known =
        str(message['userId']) === undefined && email !== undefined ? `email:${email}` : undefined;
      return { ...base, ...(known ? { subject: known } : {}), type: 'contact.identified', data };
    }
    case 'group': {
      // The account (company) the contact belongs to: Segment's reserved identify trait `company`
      // ({ id, name, industry, employee_count, plan }) has this shape, so a group call is "this contact's
      // company is groupId, with these traits" — the same profile fields (`company.id`, `company.name`,
      // ...) an identify's `company` trait sets. Keyed like track (userId, else anonymousId): the group's
      // traits describe the account, so their `email` is the account's, never the contact's key.

      // The groupId: Segment's libraries send it as a string or a number: kept as a string. Blank is none.
      const groupId = str(message['groupId']);
      if (groupId === undefined || groupId.trim() === '')
        return new MappingFailure(
          [
            {
              field: 'groupId',
              expected:
                'the id of the account (company, organization) the contact belongs to, as your own database knows it: a non-blank string or a number',
            },
          ],
          id,
        );
      const traits = isPlainObject(message['traits']) ? message['traits'] : {};
      // groupId wins over a trait named `id`: it is the account's id the call is about (Segment's
      // reserved group trait `id` means the same id).
      const company = { ...traits, id: groupId };
      return { ...base, type: 'contact.updated', data: { traits: flattenTraits({ company }) } };
    }
    case 'alias': {
      const userId = str(message['userId']);
      const previousId = str(message['previousId']);
      if (!userId || !previousId)
        return new MappingFailure(
          [
            {
              field: userId ? 'previousId' : 'userId',
              expected: 'the id to keep (userId) and the one merged into it (previousId)',
            },
          ],
          id,
        );
      // analytics.js passes the visitor's anonymousId as previousId; any other previousId is a user id
      // the contact was identified by before.
      const merged = previousId === str(message['anonymousId']) ? `anon:${previousId}` : `user:${previousId}`;
      return { ...base, subject: `user:${userId}`, type: 'contact.merged', data: { merged_subject: merged } };
    }
    case 'page': {
      const page = pageOf(context);
      const url = pageUrl(properties, context);
      const name = str(message['name']);
      if (url === undefined && name === undefined)
        return new MappingFailure(
          [
            {
              field: 'properties.url',
              expected: 'the page URL (properties.url or context.page.url), or the page name (name)',
            },
          ],
          id,
        );
      return {
        ...base,
        type: 'web.page_viewed',
        data: compact({
          url,
          title: str(properties['title']) ?? str(page['title']),
          path: str(properties['path']) ?? str(page['path']),
          referrer: str(properties['referrer']) ?? str(page['referrer']),
          name,
          user_agent: userAgent(context),
          utm: utm(context),
        }),
      };
    }
    case 'track': {
      const name = str(message['event']);
      if (!name)
        return new MappingFailure([{ field: 'event', expected: 'the name of the tracked event' }], id);
      const mapping = TRACK_NAMES[name];
      if (mapping) return { ...base, type: mapping.type, data: compact(mapping.data(properties, context)) };
      // Canonical names pass straight through, with properties as data.
      if (CANONICAL_NAME.test(name)) return { ...base, type: name, data: properties };
      // Any other name is the team's own event: custom.<name>, verbatim (also when sent as custom.<name>).
      const type = name.startsWith(CUSTOM_EVENT_TYPE_PREFIX) ? name : `${CUSTOM_EVENT_TYPE_PREFIX}${name}`;
      if (!isWellFormedCustomEventType(type))
        return new MappingFailure(
          [
            {
              field: 'event',
              expected: `an event name of 1–200 characters without control characters or white space at either end (it becomes the custom event type "${CUSTOM_EVENT_TYPE_PREFIX}<name>")`,
            },
          ],
          id,
        );
      return { ...base, type, data: customData(properties, context) };
    }
  }
}

/** Maps the calls of one request, in order; `derivedIds` holds the indexes whose id was derived. */
export function mapSegmentCalls(
  calls: readonly unknown[],
  defaults: SegmentCallDefaults,
  rules: IdentityRules,
): { readonly candidates: (Candidate | MappingFailure)[]; readonly derivedIds: ReadonlySet<number> } {
  const derivedIds = new Set<number>();
  const candidates = calls.map((call, index) => {
    const mapped = mapSegmentCall(call, defaults, rules);
    if (mapped.idDerived) derivedIds.add(index);
    return mapped.candidate;
  });
  return { candidates, derivedIds };
}

/** The envelope of a /v1/batch body: its calls and what they share. */
export interface SegmentBatch {
  readonly calls: readonly unknown[];
  readonly context?: Readonly<Record<string, unknown>>;
  readonly sentAt?: unknown;
}

/**
 * `/v1/batch`: `{ batch: [...], context?, integrations?, sentAt?, writeKey? }`, each call naming its
 * own `type`. The batch's `context` is merged under each call's (Segment's HTTP API does the same);
 * `integrations` selects Segment destinations and is ignored; `writeKey` is read by authentication.
 */
export function segmentBatchOf(body: unknown): SegmentBatch | MappingFailure {
  if (!isPlainObject(body) || !Array.isArray(body['batch'])) {
    return new MappingFailure([{ field: 'batch', expected: 'an array of Segment calls' }]);
  }
  const context = body['context'];
  if (context !== undefined && context !== null) {
    if (!isPlainObject(context))
      return new MappingFailure([{ field: 'context', expected: 'an object (merged into every call)' }]);
    const hostile = hostileContentIssue(context, 'context');
    if (hostile) {
      const field = hostile.field === 'context' ? 'context' : `context.${hostile.field}`;
      return new MappingFailure([{ ...hostile, field }]);
    }
  }
  return {
    calls: body['batch'],
    ...(isPlainObject(context) ? { context } : {}),
    ...(body['sentAt'] !== undefined ? { sentAt: body['sentAt'] } : {}),
  };
}
