import type { FastifyRequest } from 'fastify';
import type { WorkspaceDirectory } from '../auth/workspace-directory.js';
import { hashKey, keyFromAuthorization, type WorkspaceKey } from '../auth/workspace-key.js';
import { fail } from './problem-details.js';
import { isPlainObject } from './request-body.js';

/** 415 unless the request's media type is one of `accepted`. */
export function requireMediaType(request: FastifyRequest, accepted: readonly string[]): void {
  const header = request.headers['content-type'];
  const mediaType = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!accepted.includes(mediaType)) {
    fail(
      'unsupported-media-type',
      `Content-Type ${header ? `"${header}"` : '(none)'} is not accepted here; send ${accepted.join(' or ')}.`,
    );
  }
}

/** The workspace key of the request, or 401. */
export function authenticate(request: FastifyRequest, directory: WorkspaceDirectory): WorkspaceKey {
  const credential = keyFromAuthorization(request.headers.authorization);
  if (!credential.found) fail('unauthenticated', credential.reason);
  return knownKey(credential.key, directory);
}

/** The workspace key `key`, or 401 (unknown, revoked) or 403 (without "events:write"). */
export function knownKey(key: string, directory: WorkspaceDirectory): WorkspaceKey {
  const found = directory.findKeyByHash(hashKey(key));
  if (!found)
    fail(
      'unauthenticated',
      'The workspace key is unknown or revoked; use a publishable or secret key of your workspace.',
    );
  if (found.scopes && !found.scopes.includes('events:write'))
    fail(
      'forbidden',
      'This key cannot send events (it lacks the scope "events:write"); use a publishable key, or a secret key with "events:write".',
    );
  return found;
}

/**
 * The Segment-compatible routes also take the write key as `writeKey` in the JSON body, as Segment's
 * HTTP API does (for single calls and /v1/batch). Call `authenticate` first when the request has an
 * Authorization header (a bad header is refused before the body is read), then this with the parsed
 * body: the key of the header, else of the body; a header and a body that name different keys → 401.
 * The key itself never appears in an answer or a log line.
 */
export function authenticateSegmentBody(
  headerKey: WorkspaceKey | undefined,
  body: unknown,
  directory: WorkspaceDirectory,
): WorkspaceKey {
  const bodyKey = isPlainObject(body) ? body['writeKey'] : undefined;
  if (bodyKey !== undefined && (typeof bodyKey !== 'string' || bodyKey === ''))
    fail(
      'unauthenticated',
      'The "writeKey" of the body must be your write key (workspace key), as a string.',
    );
  if (headerKey) {
    if (bodyKey !== undefined && hashKey(bodyKey) !== headerKey.keyHash)
      fail(
        'unauthenticated',
        'The Authorization header and the "writeKey" of the body name different keys; send the key once (either place is enough) or the same key in both.',
      );
    return headerKey;
  }
  if (bodyKey === undefined)
    fail(
      'unauthenticated',
      'Send the workspace key as "writeKey" in the JSON body, as Basic auth with the key as user name, or as `Authorization: Bearer <key>`.',
    );
  return knownKey(bodyKey, directory);
}

/** The raw body Buffer the content-type parser left on the request. */
export function rawBody(request: FastifyRequest): Buffer | undefined {
  return Buffer.isBuffer(request.body) ? request.body : undefined;
}
