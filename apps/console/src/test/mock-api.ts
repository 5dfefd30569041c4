import { vi } from 'vitest';

export interface RecordedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface MockResponse {
  status?: number;
  body?: unknown;
  contentType?: string;
}

export type Handler = MockResponse | ((request: RecordedRequest) => MockResponse);

/**
 * Stubs `fetch` with routes "METHOD /v1/path" (query ignored); unknown routes answer 404 problem+json.
 * Returns the requests made, in order.
 */
export function mockApi(routes: Record<string, Handler>) {
  const requests: RecordedRequest[] = [];
  const fetchMock = vi.fn((input: RequestInfo | URL, init: RequestInit = {}) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href, 'http://localhost');
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const request: RecordedRequest = {
      method: init.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers,
      body: typeof init.body === 'string' ? init.body : undefined,
    };
    requests.push(request);
    const handler = routes[`${request.method} ${request.path}`];
    const answer: MockResponse =
      handler === undefined
        ? { status: 404, body: problem(404, `No route ${request.method} ${request.path} in this test.`) }
        : typeof handler === 'function'
          ? handler(request)
          : handler;
    const status = answer.status ?? 200;
    const isProblem = status >= 400;
    return Promise.resolve(
      new Response(status === 204 || answer.body === undefined ? null : JSON.stringify(answer.body), {
        status,
        headers: {
          'Content-Type': answer.contentType ?? (isProblem ? 'application/problem+json' : 'application/json'),
        },
      }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    requests,
    fetchMock,
    find: (method: string, path: string) => requests.filter((r) => r.method === method && r.path === path),
  };
}

export function problem(status: number, detail: string, extra: Record<string, unknown> = {}) {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    422: 'Unprocessable Content',
    429: 'Too Many Requests',
  };
  return {
    type: `https://docs.leadscore.dev/problems/${status}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    ...extra,
  };
}
