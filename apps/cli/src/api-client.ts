import type { Connection } from './connection.js';
import { CommandError, ExitCode, type ExitStatus } from './exit-codes.js';

export { CommandError };

/** The exit status of an HTTP failure, the same for every command. */
function exitStatusOf(httpStatus: number): ExitStatus {
  if (httpStatus === 401) return ExitCode.unauthenticated;
  if (httpStatus === 403) return ExitCode.forbidden;
  if (httpStatus === 404) return ExitCode.notFound;
  if (httpStatus === 409) return ExitCode.conflict;
  if (httpStatus >= 400 && httpStatus < 500 && httpStatus !== 429) return ExitCode.invalid;
  return ExitCode.unavailable;
}

export interface ApiRequest {
  readonly method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly body?: { readonly text: string; readonly contentType: string };
}

/** Calls the api with the connection's key; resolves with the JSON answer or throws a CommandError. */
export async function callApi<T>(connection: Connection, path: string, request: ApiRequest = {}): Promise<T> {
  if (!connection.key)
    throw new CommandError(
      ExitCode.unauthenticated,
      `No key for ${connection.url}: pass --key, set LEADSCORE_KEY, or run leadscore login --url ${connection.url} --key <key>.`,
    );
  let response: Response;
  try {
    response = await fetch(`${connection.url}${path}`, {
      method: request.method ?? 'GET',
      headers: {
        authorization: `Bearer ${connection.key}`,
        accept: 'application/json',
        ...(request.body ? { 'content-type': request.body.contentType } : {}),
      },
      ...(request.body ? { body: request.body.text } : {}),
    });
  } catch (error) {
    throw unreachable('the api', connection.url, '--url or LEADSCORE_URL', error);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (response.ok) return body as T;
  throw refusedBy(response, (body ?? {}) as Record<string, unknown>);
}

/**
 * A server's refusal as the command's error: its exit status, the problem's `detail` (else the status
 * line) followed by `hint`, and the problem itself for --json.
 */
export function refusedBy(response: Response, problem: Record<string, unknown>, hint = ''): CommandError {
  const detail =
    typeof problem['detail'] === 'string' ? problem['detail'] : `${response.status} ${response.statusText}`;
  return new CommandError(exitStatusOf(response.status), `${detail}${hint}`, problem);
}

/** A failed fetch (connection refused, DNS, reset) as the command's error: where, why and what to check. */
export function unreachable(what: string, url: string, setting: string, error: unknown): CommandError {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
  return new CommandError(
    ExitCode.unavailable,
    `Cannot reach ${what} at ${url} (${cause}): check ${setting}, and that it runs.`,
  );
}
