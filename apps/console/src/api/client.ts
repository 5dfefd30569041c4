import type { Problem } from './types';

/** An api answer other than 2xx, carrying the problem's `detail` (RFC 9457) for people. */
export class ApiError extends Error {
  readonly status: number;
  readonly detail: string;
  readonly title: string;
  readonly problem: (Problem & Record<string, unknown>) | null;

  constructor(
    status: number,
    title: string,
    detail: string,
    problem: (Problem & Record<string, unknown>) | null,
  ) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.problem = problem;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** The session's own route: its 401 means "not signed in" (or a wrong password), not "session ended". */
const SESSION_PATH = '/v1/session';

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Kept in memory only: the session answer gives it again after a reload. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called on a 401 from any request but the session's own, so an expired session leads to sign-in. */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON unless `text` is given. */
  json?: unknown;
  /** A raw body with its content type, e.g. a YAML model. */
  text?: { body: string; contentType: string };
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
}

export function apiPath(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(name, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function isProblem(value: unknown): value is Problem & Record<string, unknown> {
  return typeof value === 'object' && value !== null && 'status' in value && 'title' in value;
}

function parseJson(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : null;
  } catch {
    return null;
  }
}

async function problemOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  const body = parseJson(text);
  if (isProblem(body)) {
    const detail = typeof body.detail === 'string' && body.detail ? body.detail : body.title;
    return new ApiError(response.status, body.title, detail, body);
  }
  const title = response.statusText || `HTTP ${response.status}`;
  return new ApiError(
    response.status,
    title,
    `The server answered ${response.status} ${title}.`.trim(),
    null,
  );
}

/** The one fetch of the console: same-origin cookie, JSON, CSRF header on unsafe methods, problems as ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  let body: string | undefined;
  if (options.text) {
    headers['Content-Type'] = options.text.contentType;
    body = options.text.body;
  } else if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  }
  if (UNSAFE.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(apiPath(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Network error', 'The api could not be reached. Check your connection.', null);
  }
  if (!response.ok) {
    const error = await problemOf(response);
    if (error.status === 401 && path !== SESSION_PATH && onUnauthorized) onUnauthorized();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    request<T>(path, { query, signal }),
  post: <T>(path: string, json?: unknown) => request<T>(path, { method: 'POST', json }),
  postText: <T>(path: string, body: string, contentType: string) =>
    request<T>(path, { method: 'POST', text: { body, contentType } }),
  patch: <T>(path: string, json: unknown) => request<T>(path, { method: 'PATCH', json }),
  delete: <T = void>(path: string) => request<T>(path, { method: 'DELETE' }),
};

/** Path segment of a contact key such as `email:ada@example.com`. */
export const enc = (segment: string): string => encodeURIComponent(segment);

export function errorText(error: unknown): string {
  if (error instanceof ApiError) return error.detail;
  if (error instanceof Error) return error.message;
  return String(error);
}
