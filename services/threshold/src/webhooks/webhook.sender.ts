import { type AttemptResult } from '@leadscore/lifecycle';

const EXCERPT_CHARS = 500;

export interface SentAttempt {
  readonly result: AttemptResult;
  readonly statusCode: number | null;
  readonly responseExcerpt: string | null;
  readonly error: string | null;
}

/** POSTs one signed webhook body; never throws (a failure is an attempt result). */
export async function sendWebhook(
  url: string,
  headers: Readonly<Record<string, string>>,
  body: string,
  timeoutMs: number,
): Promise<SentAttempt> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'leadscore-webhooks/1', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return {
      result: { kind: 'response', status: response.status, retryAfter: response.headers.get('retry-after') },
      statusCode: response.status,
      responseExcerpt: text.slice(0, EXCERPT_CHARS),
      error: null,
    };
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    const message =
      error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    if (name === 'TimeoutError' || name === 'AbortError') {
      return {
        result: { kind: 'timeout' },
        statusCode: null,
        responseExcerpt: null,
        error: `no response within ${timeoutMs} ms`,
      };
    }
    return { result: { kind: 'network-error' }, statusCode: null, responseExcerpt: null, error: message };
  }
}
