import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_SCHEMAS, familyEventTypes, schemaId, type EventSchemaDocuments } from './event-schemas.js';
import { isCustomEventType, type CanonicalEvent } from './canonical-event.js';

/** One reason an event does not match its schema: the field (dotted path) and what was expected there. */
export interface EventValidationIssue {
  readonly field: string;
  readonly expected: string;
}

export type EventValidation =
  | { readonly valid: true; readonly event: CanonicalEvent }
  | { readonly valid: false; readonly issues: readonly EventValidationIssue[] };

export interface EventValidator {
  /** Every canonical event type, in schema order; custom events (`custom.<name>`) are not listed. */
  readonly eventTypes: readonly string[];
  /** A canonical event type, or a well-formed custom one (`custom.Demo Requested`). */
  isEventType(type: string): boolean;
  /** Checks an envelope and the `data` its `type` calls for. Never throws on bad input. */
  validate(candidate: unknown): EventValidation;
}

const MAX_ISSUES = 5;

/**
 * Compiles the envelope schema and one validator per event type, once; call this at start-up and
 * keep the result (compiling is milliseconds, validating microseconds).
 */
export function createEventValidator(schemas: EventSchemaDocuments = EVENT_SCHEMAS): EventValidator {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats.default(ajv, ['date-time']);
  for (const family of schemas.families) ajv.addSchema(family);
  const validateEnvelope = ajv.compile(schemas.envelope);

  const dataValidators = new Map<string, ValidateFunction>();
  for (const family of schemas.families) {
    for (const type of familyEventTypes(family)) {
      const pointer = `${schemaId(family)}#/properties/${encodeURIComponent(type)}`;
      dataValidators.set(type, ajv.compile({ $ref: pointer }));
    }
  }
  const validateCustomData = ajv.compile(schemas.custom);
  const eventTypes = [...dataValidators.keys()];
  const typeIssue: EventValidationIssue = {
    field: 'type',
    expected: `a known event type (one of ${eventTypes.join(', ')}) or a custom event type: "custom." and your event name (1–200 characters, no control characters, no space at either end), e.g. "custom.Demo Requested"`,
  };
  const envelopeType = (schemas.envelope['properties'] as Record<string, { pattern?: string }> | undefined)?.[
    'type'
  ];
  const typePattern = new RegExp(envelopeType?.pattern ?? '^$', 'u');
  const dataValidatorOf = (type: string): ValidateFunction | undefined =>
    dataValidators.get(type) ?? (isCustomEventType(type) ? validateCustomData : undefined);

  return {
    eventTypes,
    isEventType: (type) => dataValidators.has(type) || (isCustomEventType(type) && typePattern.test(type)),
    validate(candidate) {
      if (!validateEnvelope(candidate)) {
        // A type that is neither canonical nor a well-formed custom one: say what is accepted, not the regex.
        const issues = describeErrors(validateEnvelope.errors, '').map((issue) =>
          issue.field === 'type' && issue.expected.startsWith('a string matching') ? typeIssue : issue,
        );
        return { valid: false, issues };
      }
      const envelope = candidate as { type: string; data: unknown };
      const validateData = dataValidatorOf(envelope.type);
      if (!validateData) return { valid: false, issues: [typeIssue] };
      if (!validateData(envelope.data)) {
        return { valid: false, issues: describeErrors(validateData.errors, 'data') };
      }
      return { valid: true, event: candidate as CanonicalEvent };
    },
  };
}

function joinPath(prefix: string, instancePath: string, property?: string): string {
  const parts = instancePath
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (property !== undefined) parts.push(property);
  const path = parts
    .map((p) => (/^\d+$/.test(p) ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `["${p}"]`))
    .join('');
  const joined = `${prefix}${path}`;
  return joined.startsWith('.') ? joined.slice(1) : joined || '(event)';
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function expectation(error: ErrorObject): { property?: string; expected: string } {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { property: String(params['missingProperty']), expected: 'a value (the field is required)' };
    case 'additionalProperties':
      return {
        property: String(params['additionalProperty']),
        expected: 'no such field (it is not part of this event type)',
      };
    case 'type': {
      const t = params['type'];
      const types = Array.isArray(t) ? t.map(String) : [String(t)];
      return { expected: types.map(article).join(' or ') };
    }
    case 'const':
      return { expected: `exactly ${JSON.stringify(params['allowedValue'])}` };
    case 'enum':
      return {
        expected: `one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'pattern':
      return { expected: `a string matching ${String(params['pattern'])}` };
    case 'format':
      return {
        expected:
          params['format'] === 'date-time'
            ? 'an RFC 3339 date-time such as 2026-11-23T10:00:00Z'
            : `a ${String(params['format'])}`,
      };
    case 'minLength':
      return { expected: `a string of at least ${String(params['limit'])} characters` };
    case 'maxLength':
      return { expected: `a string of at most ${String(params['limit'])} characters` };
    case 'maxProperties':
      return { expected: `an object with at most ${String(params['limit'])} fields` };
    case 'minimum':
      return { expected: `a number ≥ ${String(params['limit'])}` };
    default:
      return { expected: error.message ?? error.keyword };
  }
}

function describeErrors(errors: ErrorObject[] | null | undefined, prefix: string): EventValidationIssue[] {
  const issues: EventValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    // `if` only reports that its `then`/`else` failed; that branch's own errors say what to change.
    if (error.keyword === 'if') continue;
    const { property, expected } = expectation(error);
    const field = joinPath(prefix, error.instancePath, property);
    const key = `${field}\u0000${expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ field, expected });
    if (issues.length === MAX_ISSUES) break;
  }
  return issues.length > 0
    ? issues
    : [{ field: prefix || '(event)', expected: 'a value matching the event schema' }];
}
