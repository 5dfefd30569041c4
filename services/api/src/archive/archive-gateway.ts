import { fail } from '../http/problem-details.js';

/**
 * The analytics service, which alone opens the ClickHouse archive: the api asks it for histories and
 * trends over HTTP (ANALYTICS_URL), always naming the caller's workspace.
 */
export class ArchiveGateway {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async get<T>(workspace: string, path: string, query: Record<string, string | undefined> = {}): Promise<T> {
    const search = new URLSearchParams(
      Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ).toString();
    const url = `${this.baseUrl.replace(/\/+$/, '')}/internal/v1/workspaces/${encodeURIComponent(workspace)}${path}${search ? `?${search}` : ''}`;
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      const cause =
        error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      return fail(
        'unavailable',
        `The archive does not answer (the analytics service at ${this.baseUrl}: ${cause}); histories and trends come back when it runs. Scores and contacts (GET /v1/contacts/{contact}) do not need it.`,
      );
    }
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (response.ok) return body as T;
    const message =
      typeof body['message'] === 'string' ? body['message'] : `${response.status} ${response.statusText}`;
    if (response.status === 400) return fail('invalid-request', message);
    return fail(
      'unavailable',
      `The archive failed to answer (the analytics service said: ${message}); retry shortly.`,
    );
  }
}
