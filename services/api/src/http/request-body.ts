import { contractSchemas, findUntrustedJsonIssue, readUntrustedJson } from '@leadscore/contracts';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fail, type FieldError } from './problem-details.js';

/**
 * Bodies arrive as raw bytes (http-setup.ts) and become values here, in three steps: the shared JSON
 * guard of libs/contracts (strict UTF-8, syntax; then depth, `__proto__`, non-finite numbers, NUL and
 * lone surrogates), then the request's JSON Schema from schemas/api/. Every failure is a 400
 * problem+json that names the field and what it expects.
 */
export type BodyValidator<T> = (raw: unknown) => T;

// verbose: errors carry their parentSchema, which names the allowed fields of an unknown one.
const ajv = new Ajv({ allErrors: true, strict: false, allowUnionTypes: true, verbose: true });
addFormats.default(ajv, ['date-time', 'email']);
// A request schema may $ref another schema of schemas/ (e.g. the learn request's feature mapping): by $id.
// Added unchecked against their meta-schema (not all are draft-07); each is compiled only when referenced.
for (const schema of contractSchemas)
  if (typeof schema['$id'] === 'string' && !ajv.getSchema(schema['$id']))
    ajv.addSchema(schema, undefined, undefined, false);

function fieldOf(error: ErrorObject): string {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? `[${part}]` : `.${part}`))
    .join('');
  const field = path.startsWith('.') ? path.slice(1) : path;
  return field === '' ? '(body)' : field;
}

function fieldErrorOf(error: ErrorObject): FieldError {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      const parent = fieldOf(error);
      const allowed = Object.keys(
        (error.parentSchema as { properties?: object } | undefined)?.properties ?? {},
      );
      return {
        field: parent === '(body)' ? JSON.stringify(name).slice(1, -1) : `${parent}.${name}`,
        expected: `no such field: the fields are ${allowed.map((a) => `"${a}"`).join(', ')}`,
      };
    }
    case 'required': {
      // A nested object's missing field is named with its path (mapping.outcome.converted).
      const parent = fieldOf(error);
      const name = String(params['missingProperty']);
      return {
        field: parent === '(body)' ? name : `${parent}.${name}`,
        expected: 'a value: this field is required',
      };
    }
    case 'enum':
      return {
        field: fieldOf(error),
        expected: `one of ${((params['allowedValues'] as unknown[]) ?? []).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'pattern':
      return { field: fieldOf(error), expected: `text matching ${String(params['pattern'])}` };
    case 'format':
      return {
        field: fieldOf(error),
        expected:
          params['format'] === 'date-time'
            ? 'an RFC 3339 date-time such as 2026-04-01T09:00:00Z'
            : `a ${String(params['format'])}`,
      };
    case 'minimum':
      return { field: fieldOf(error), expected: `a number ≥ ${String(params['limit'])}` };
    case 'dependencies':
      return {
        field: String(params['missingProperty']),
        expected: `a value: it is required with ${String(params['property'])}`,
      };
    default:
      return { field: fieldOf(error), expected: error.message ?? 'a valid value' };
  }
}

export function bodyValidator<T>(
  schema: Readonly<Record<string, unknown>>,
  example: string,
): BodyValidator<T> {
  const validate: ValidateFunction = ajv.compile(schema);
  return (raw) => {
    const bytes = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
    const reading = readUntrustedJson(bytes);
    if (!reading.ok) {
      switch (reading.failure) {
        case 'empty':
          return fail(
            'malformed-request',
            `The request body is empty; send a JSON object such as ${example}.`,
          );
        case 'not-utf8':
          return fail(
            'malformed-request',
            `The request body is not UTF-8 (the byte at offset ${reading.offset} is invalid); send JSON encoded as UTF-8 (RFC 8259 §8.1).`,
          );
        case 'syntax':
          return fail('malformed-request', `The request body is not valid JSON (${reading.reason}).`);
      }
    }
    const issue = findUntrustedJsonIssue(reading.value, '(body)');
    if (issue)
      return fail('invalid-request', `${issue.field}: expected ${issue.expected}.`, [
        { field: issue.field, expected: issue.expected },
      ]);
    if (!validate(reading.value)) {
      const errors = (validate.errors ?? []).map(fieldErrorOf);
      const first = errors[0];
      return fail(
        'invalid-request',
        `${first ? `${first.field}: expected ${first.expected}` : 'The body does not match its schema'}. Send a JSON object such as ${example}.`,
        errors,
      );
    }
    return reading.value as T;
  };
}
