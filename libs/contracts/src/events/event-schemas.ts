import { cloudeventSchema } from '../generated/cloudevent.schema.js';
import { contactSchema } from '../generated/contact.schema.js';
import { customSchema } from '../generated/custom.schema.js';
import { emailSchema } from '../generated/email.schema.js';
import { outcomeSchema } from '../generated/outcome.schema.js';
import { smsSchema } from '../generated/sms.schema.js';
import { webSchema } from '../generated/web.schema.js';
import { webinarSchema } from '../generated/webinar.schema.js';

/**
 * The JSON Schemas of schemas/events/, as generated modules (no file I/O at runtime). They are the
 * single source of the event contract: validators compile them, types are generated from them.
 */
export interface EventSchemaDocuments {
  /** The CloudEvents envelope (cloudevent.schema.json). */
  readonly envelope: JsonSchemaDocument;
  /** One document per type family, each an object schema whose properties are the event types. */
  readonly families: readonly JsonSchemaDocument[];
  /** The `data` of every custom event, `custom.<name>` (custom.schema.json; it may refer to the families). */
  readonly custom: JsonSchemaDocument;
}

/** A JSON Schema document as parsed JSON; Ajv checks the rest when compiling. */
export type JsonSchemaDocument = Readonly<Record<string, unknown>>;

export const EVENT_SCHEMAS: EventSchemaDocuments = {
  envelope: cloudeventSchema,
  families: [emailSchema, smsSchema, webSchema, webinarSchema, contactSchema, outcomeSchema],
  custom: customSchema,
};

/** The event types one family schema declares: the names of its top-level properties. */
export function familyEventTypes(family: JsonSchemaDocument): string[] {
  const properties = family['properties'];
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
}

export function schemaId(schema: JsonSchemaDocument): string {
  const id = schema['$id'];
  if (typeof id !== 'string') throw new Error('event schemas need a string $id');
  return id;
}
