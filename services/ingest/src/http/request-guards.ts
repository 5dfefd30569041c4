import type { FastifyRequest } from 'fastify';
import type { WorkspaceDirectory } from '../auth/workspace-directory.js';
import { hashKey, keyFromAuthorization, type WorkspaceKey } from '../auth/workspace-key.js';
import { fail } from './problem-details.js';

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
  const key = directory.findKeyByHash(hashKey(credential.key));
  if (!key)
    fail(
      'unauthenticated',
      'The workspace key is unknown or revoked; use a publishable or secret key of your workspace.',
    );
  return key;
}

/** The raw body Buffer the content-type parser left on the request. */
export function rawBody(request: FastifyRequest): Buffer | undefined {
  return Buffer.isBuffer(request.body) ? request.body : undefined;
}
