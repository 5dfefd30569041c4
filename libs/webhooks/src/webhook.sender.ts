import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import type { AttemptResult } from '@leadscore/lifecycle';
import type { ResolvedAddress, WebhookTargetGuard } from './webhook-target.guard.js';

/** Characters of the receiver's answer kept in the attempt log. */
export const RESPONSE_EXCERPT_CHARS = 500;
/** Bytes of the answer read at most; the rest is not waited for. */
const RESPONSE_READ_BYTES = 8_192;

export interface SentAttempt {
  readonly result: AttemptResult;
  readonly statusCode: number | null;
  readonly responseExcerpt: string | null;
  /** What went wrong (network error, timeout, refusal), or null when the receiver answered. */
  readonly error: string | null;
  /** The address that was checked and connected to; null when the target was refused or unresolvable. */
  readonly address: string | null;
}

/** A `lookup` that answers every host name with the one address the guard checked. */
function pinnedLookup(pinned: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  };
}

interface Answer {
  readonly status: number;
  readonly retryAfter: string | null;
  readonly excerpt: string;
}

function post(
  url: URL,
  address: ResolvedAddress,
  headers: Readonly<Record<string, string>>,
  body: string,
  signal: AbortSignal,
): Promise<Answer> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'leadscore-webhooks/1',
          ...headers,
          'content-length': String(Buffer.byteLength(body)),
        },
        // A fresh connection per attempt, to the checked address only (the host name still goes into
        // Host and, for https, into SNI and the certificate check).
        agent: false,
        lookup: pinnedLookup(address),
        signal,
      },
      (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let size = 0;
        let settled = false;
        const finish = () => {
          if (settled) return;
          settled = true;
          const retryAfter = response.headers['retry-after'];
          resolve({
            status: response.statusCode ?? 0,
            retryAfter: typeof retryAfter === 'string' ? retryAfter : null,
            excerpt: Buffer.concat(chunks).toString('utf8').slice(0, RESPONSE_EXCERPT_CHARS),
          });
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_READ_BYTES) {
            finish();
            response.destroy();
          }
        });
        response.on('end', finish);
        response.on('error', (error) => (settled ? undefined : reject(error)));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * POSTs one signed webhook body, never throws (every outcome is an attempt result): the guard checks
 * the URL and resolves its host; a refused target is never connected to (`refused`, final), an
 * unresolvable one is a network error (retried); otherwise the request goes to the checked address.
 * Redirects are not followed.
 */
export async function sendWebhook(
  guard: WebhookTargetGuard,
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  timeoutMs: number,
): Promise<SentAttempt> {
  const target = await guard.check(url);
  if (!target.ok) {
    const result: AttemptResult =
      target.kind === 'unresolvable' ? { kind: 'network-error' } : { kind: 'refused', reason: target.reason };
    return { result, statusCode: null, responseExcerpt: null, error: target.reason, address: null };
  }
  const address = target.address.address;
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    const answer = await post(target.url, target.address, headers, body, deadline);
    return {
      result: { kind: 'response', status: answer.status, retryAfter: answer.retryAfter },
      statusCode: answer.status,
      responseExcerpt: answer.excerpt,
      error: null,
      address,
    };
  } catch (error) {
    if (deadline.aborted)
      return {
        result: { kind: 'timeout' },
        statusCode: null,
        responseExcerpt: null,
        error: `no response within ${timeoutMs} ms`,
        address,
      };
    const message = error instanceof Error ? error.message : String(error);
    return {
      result: { kind: 'network-error' },
      statusCode: null,
      responseExcerpt: null,
      error: message,
      address,
    };
  }
}
