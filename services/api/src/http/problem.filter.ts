import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from '@leadscore/observability';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_BODY_LIMIT_BYTES } from './http-limits.js';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemError,
  kindOfStatus,
  problem,
  type ProblemDetails,
} from './problem-details.js';

interface FastifyLikeError {
  readonly statusCode?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
}

/** Anything thrown while serving a request, as an RFC 9457 problem. */
export function toProblem(error: unknown, url: string): ProblemDetails {
  const path = url.split('?')[0] ?? url;
  if (error instanceof ProblemError) return { ...error.problem, instance: path };
  const tooLarge = () =>
    problem(
      'payload-too-large',
      `The request body is larger than ${API_BODY_LIMIT_BYTES} bytes; api bodies are small JSON objects.`,
      { instance: path },
    );
  const mediaType = () =>
    problem('unsupported-media-type', 'Send the body as JSON with Content-Type: application/json.', {
      instance: path,
    });
  const e = (typeof error === 'object' && error !== null ? error : {}) as FastifyLikeError;
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return tooLarge();
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return mediaType();
  const status =
    error instanceof HttpException
      ? error.getStatus()
      : typeof e.statusCode === 'number'
        ? e.statusCode
        : 500;
  const kind = status >= 400 && status < 500 ? (kindOfStatus(status) ?? 'malformed-request') : undefined;
  if (kind === 'not-found' && error instanceof HttpException)
    // Nest's own 404: no route matched (a route's own 404s are ProblemErrors).
    return problem('not-found', `No route ${path}; see services/api/README.md for the endpoints.`, {
      instance: path,
    });
  if (kind === 'payload-too-large') return tooLarge();
  if (kind === 'unsupported-media-type') return mediaType();
  if (kind) return problem(kind, String(e.message), { instance: path });
  return problem(
    'internal',
    'The api failed on this request; it has been logged with its request id. Retry later.',
    {
      instance: path,
    },
  );
}

/** The one exception filter of the api. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    const details = toProblem(error, request.url);
    if (details.status >= 500)
      this.logger.error({ err: error, requestId: request.id, url: request.url }, 'request failed');
    if (details.retryAfterSeconds !== undefined)
      void reply.header('retry-after', String(details.retryAfterSeconds));
    void reply
      .status(details.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(details));
  }
}
