/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/events/cloudevent.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

/**
 * A leadscore event as it travels on leads.events.v1: a CloudEvents 1.0 structured-mode JSON envelope with the `workspace` extension attribute. The shape of `data` depends on `type` and is described by the per-family schemas in this folder (email, sms, web, webinar, contact, outcome) and, for custom events (`custom.<name>`), by custom.schema.json.
 */
export interface CloudEventEnvelope {
  /**
   * CloudEvents specification version.
   */
  specversion: '1.0';
  /**
   * Unique per source; consumers dedupe on (source, id). Segment messageId and provider event ids map here.
   */
  id: string;
  /**
   * URI-reference naming what produced the event, e.g. `/v1/events`, `/v1/webhooks/sendgrid`, `/v1/pixel`.
   */
  source: string;
  /**
   * Canonical event type: `<family>.<event>`, one of the types in the family schemas; or a custom event `custom.<name>`, where `<name>` is the team's own event name verbatim (e.g. `custom.Demo Requested`): 1–200 characters, no control characters, not starting or ending with white space. Custom events carry the data of custom.schema.json.
   */
  type: string;
  /**
   * When the event happened (RFC 3339). Ingest fills in the receipt time when a client omits it.
   */
  time: string;
  /**
   * Contact key inside the workspace: `email:<lower-case address>`, `phone:<E.164>`, `user:<your user id>` or `anon:<anonymous id>`.
   */
  subject: string;
  /**
   * CloudEvents extension attribute: the tenant the event belongs to, taken from the API key that sent it.
   */
  workspace: string;
  /**
   * Always JSON when present.
   */
  datacontenttype?: 'application/json';
  /**
   * Optional URI of the schema `data` adheres to.
   */
  dataschema?: string;
  /**
   * Event payload; its schema is chosen by `type`.
   */
  data: {
    [k: string]: unknown;
  };
}
