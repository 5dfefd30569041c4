import { readFileSync } from 'node:fs';

/** A file of `test/fixtures/` (see its README): the providers' published examples and vectors. */
function fixture<T>(path: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8')) as T;
}

type ProviderEvent = Record<string, unknown>;

export interface TwilioVector {
  readonly it: string;
  readonly url: string;
  readonly signature: string;
  readonly valid: boolean;
  /** Form parameters instead of the common ones; every value a list. */
  readonly params?: Readonly<Record<string, string | readonly string[]>>;
  /** JSON vectors: the raw body. */
  readonly body?: string;
}

export interface TwilioVectors {
  readonly source: string;
  readonly authToken: string;
  readonly params: Readonly<Record<string, string>>;
  readonly form: readonly TwilioVector[];
  readonly json: readonly TwilioVector[];
  readonly signedUrlForms: {
    readonly authToken: string;
    readonly cases: readonly {
      readonly it: string;
      readonly signed: string;
      readonly url: string;
      readonly valid: boolean;
    }[];
  };
}

export const twilioVectors = (): TwilioVectors => fixture<TwilioVectors>('twilio/validation-vectors.json');

/** SendGrid's example of each event kind (`blocked`: the blocked type of bounce), each one event. */
export function sendgridExample(kind: string): ProviderEvent {
  const { examples } = fixture<{ examples: Record<string, ProviderEvent[]> }>(
    'sendgrid/event-webhook-reference.json',
  );
  const event = examples[kind]?.[0];
  if (!event) throw new Error(`no SendGrid example of "${kind}"`);
  return event;
}

/** Zoom's example `webinar.registration_created` body. */
export const zoomRegistrationExample = (): ProviderEvent & { payload: { object: ProviderEvent } } =>
  fixture<{ example: ProviderEvent & { payload: { object: ProviderEvent } } }>(
    'zoom/webinar-registration-created.json',
  ).example;

/** Mailgun's example `event-data` of an event (`permanent-failed`, `temporary-failed`, `opened`...). */
export function mailgunExample(name: string): ProviderEvent {
  const { examples } = fixture<{ examples: Record<string, ProviderEvent> }>('mailgun/webhook-payloads.json');
  const event = examples[name];
  if (!event) throw new Error(`no Mailgun example "${name}"`);
  return event;
}
