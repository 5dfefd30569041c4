import { RouteConfig } from '@nestjs/platform-fastify';
import { readUntrustedJson, type ModelFormat } from '@leadscore/contracts';
import { MODEL_BODY_LIMIT_BYTES, YAML_MEDIA_TYPES } from './http-limits.js';
import { fail } from './problem-details.js';

/** The key of the Fastify route config that marks a route taking a scoring model as its body. */
export const MODEL_BODY_ROUTE = 'leadscoreModelBody';

/**
 * The route takes a scoring model as its body: YAML (`Content-Type: application/yaml`) or JSON, up to
 * MODEL_BODY_LIMIT_BYTES instead of the api's 16 KB (http-setup.ts applies both from this mark).
 */
export const ModelBodyRoute = () => RouteConfig({ [MODEL_BODY_ROUTE]: true });

export function isModelBodyRoute(config: unknown): boolean {
  return (
    typeof config === 'object' &&
    config !== null &&
    (config as Record<string, unknown>)[MODEL_BODY_ROUTE] === true
  );
}

/** A model's text as sent, and the format its content type names. */
export interface ModelText {
  readonly text: string;
  readonly format: ModelFormat;
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const EXAMPLE = 'id: default\\nversion: 1\\nname: Default\\nengagement: [...]';

/**
 * The raw body of a model route as text. JSON goes through the shared guard's reader first (strict
 * UTF-8, as every JSON body of the api); a syntax error is left to parseModel, which reports it with
 * its line and column. YAML is decoded as strict UTF-8 here; the YAML reader of libs/contracts
 * (source-text.ts) then bounds nesting on the CST before composing, refuses more than 100 aliases and
 * runs the untrusted-JSON checks on the value, all inside parseModel. Both are at most
 * MODEL_BODY_LIMIT_BYTES (413 before any of this).
 */
export function readModelBody(raw: unknown, contentType: string | undefined): ModelText {
  const bytes = Buffer.isBuffer(raw) ? raw : Buffer.alloc(0);
  const mediaType = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format: ModelFormat = (YAML_MEDIA_TYPES as readonly string[]).includes(mediaType) ? 'yaml' : 'json';
  if (bytes.length === 0)
    return fail(
      'malformed-request',
      `The request body is empty; send the model as YAML (Content-Type: application/yaml), e.g. "${EXAMPLE}", or as JSON (Content-Type: application/json), at most ${MODEL_BODY_LIMIT_BYTES} bytes.`,
    );
  if (format === 'json') {
    const reading = readUntrustedJson(bytes);
    if (!reading.ok && reading.failure === 'not-utf8')
      return fail(
        'malformed-request',
        `The request body is not UTF-8 (the byte at offset ${reading.offset} is invalid); send the model encoded as UTF-8.`,
      );
  }
  try {
    return { text: STRICT_UTF8.decode(bytes), format };
  } catch {
    return fail(
      'malformed-request',
      'The request body is not UTF-8; send the model encoded as UTF-8 (YAML 1.2 and JSON both are).',
    );
  }
}
