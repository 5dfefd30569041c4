import { MappingFailure } from '../batch/event-batch.js';
import { hostileContentIssue } from '../batch/hostile-content.js';
import { normalizeEmail, normalizePhone, type IdentityRules } from '../identity/contact-identity.js';
import { isPlainObject } from '../http/request-body.js';

/**
 * Segment (and RudderStack) tracking calls → canonical event candidates, so existing SDKs can point
 * at ingest: `messageId` → id, `userId` (else `anonymousId`) → subject, `timestamp` → time,
 * `context.userAgent` / `context.page` / `context.campaign` → data. Candidates still go through the
 * batch check (schema, identity rules, duplicates).
 */
export type SegmentCallType = 'track' | 'identify' | 'page';

export const SEGMENT_CALL_TYPES: readonly SegmentCallType[] = ['track', 'identify', 'page'];

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
  'Demo Requested': conversion('demo_requested'),
  'Order Completed': conversion('order_completed'),
};

export const SEGMENT_TRACK_NAMES = Object.keys(TRACK_NAMES);

function pageUrl(properties: Record<string, unknown>, context: Record<string, unknown>): string | undefined {
  const page = isPlainObject(context['page']) ? context['page'] : {};
  return str(properties['url']) ?? str(page['url']);
}

function subjectOf(message: Record<string, unknown>): string | undefined {
  const userId = str(message['userId']);
  if (userId) return `user:${userId}`;
  const anonymousId = str(message['anonymousId']);
  return anonymousId ? `anon:${anonymousId}` : undefined;
}

/** Flattens identify traits to the scalar map fit rules match on (`address.city`, ...). */
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
 * Maps one Segment call; `type` is the route's call type, or the message's own in /v1/batch. A
 * failure carries the call as received (for the dead-letter topic). A call with hostile content is
 * refused before the mapping reads it (traits are copied by key).
 */
export function mapSegmentCall(
  message: unknown,
  callType: string,
  rules: IdentityRules,
): Candidate | MappingFailure {
  const hostile = hostileContentIssue(message, '(message)');
  if (hostile)
    return new MappingFailure(
      [hostile],
      isPlainObject(message) ? str(message['messageId']) : undefined,
      message,
    );
  const mapped = mapCall(message, callType, rules);
  return mapped instanceof MappingFailure ? mapped.about(message) : mapped;
}

function mapCall(message: unknown, callType: string, rules: IdentityRules): Candidate | MappingFailure {
  if (!isPlainObject(message)) return new MappingFailure([{ field: '(message)', expected: 'a JSON object' }]);
  const id = str(message['messageId']);
  if (!id)
    return new MappingFailure([
      { field: 'messageId', expected: 'a unique id for this call (every Segment SDK sends one)' },
    ]);
  if (!(SEGMENT_CALL_TYPES as readonly string[]).includes(callType)) {
    return new MappingFailure(
      [
        {
          field: 'type',
          expected: 'one of track, identify, page (group, alias and screen are not ingested)',
        },
      ],
      id,
    );
  }
  const subject = subjectOf(message);
  if (!subject) return new MappingFailure([{ field: 'userId', expected: 'a userId or an anonymousId' }], id);
  const context = isPlainObject(message['context']) ? message['context'] : {};
  const properties = isPlainObject(message['properties']) ? message['properties'] : {};
  const base = compact({ id, subject, time: str(message['timestamp']), source: `/v1/${callType}` });

  switch (callType as SegmentCallType) {
    case 'identify':
      return { ...base, type: 'contact.identified', data: identityData(message, rules) };
    case 'page':
      return {
        ...base,
        type: 'web.page_viewed',
        data: compact({
          url: pageUrl(properties, context),
          title:
            str(properties['title']) ??
            (isPlainObject(context['page']) ? str(context['page']['title']) : undefined),
          path: str(properties['path']),
          referrer: str(properties['referrer']),
          name: str(message['name']),
          user_agent: userAgent(context),
          utm: utm(context),
        }),
      };
    case 'track': {
      const name = str(message['event']);
      if (!name)
        return new MappingFailure([{ field: 'event', expected: 'the name of the tracked event' }], id);
      const mapping = TRACK_NAMES[name];
      if (mapping) return { ...base, type: mapping.type, data: compact(mapping.data(properties, context)) };
      // Canonical names pass straight through, with properties as data.
      if (/^(email|sms|web|webinar|contact)\.[a-z_]+$/.test(name))
        return { ...base, type: name, data: properties };
      return new MappingFailure(
        [
          {
            field: 'event',
            expected: `a canonical event type (e.g. web.form_submitted) or one of: ${SEGMENT_TRACK_NAMES.join(', ')}`,
          },
        ],
        id,
      );
    }
  }
}

/** `/v1/batch`: `{ batch: [...] }`, each message naming its own call type. */
export function mapSegmentBatch(
  body: unknown,
  rules: IdentityRules,
): (Candidate | MappingFailure)[] | MappingFailure {
  if (!isPlainObject(body) || !Array.isArray(body['batch'])) {
    return new MappingFailure([{ field: 'batch', expected: 'an array of Segment calls' }]);
  }
  return body['batch'].map((message: unknown) =>
    mapSegmentCall(message, isPlainObject(message) ? (str(message['type']) ?? '') : '', rules),
  );
}
