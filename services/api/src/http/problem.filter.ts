import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from '@leadscore/observability';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { API_BODY_LIMIT_BYTES } from './http-limits.js';
import { isModelBodyRoute } from './model-body.js';
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

/** What the route being served accepts, for the 413 and 415 answers. */
export interface RouteBodies {
  /** The route's body limit in bytes. */
  readonly bodyLimit: number;
  /** The route takes a scoring model (YAML or JSON) rather than a small JSON object. */
  readonly model: boolean;
}

const JSON_ROUTE: RouteBodies = { bodyLimit: API_BODY_LIMIT_BYTES, model: false };

/** Anything thrown while serving a request, as an RFC 9457 problem. */
export function toProblem(error: unknown, url: string, route: RouteBodies = JSON_ROUTE): ProblemDetails {
  const path = url.split('?')[0] ?? url;
  if (error instanceof ProblemError) return { ...error.problem, instance: path };
  const tooLarge = () =>
    problem(
      'payload-too-large',
      route.model
        ? `The model is larger than ${route.bodyLimit} bytes; split it into several models (one per id).`
        : route.bodyLimit > API_BODY_LIMIT_BYTES
          ? `The request body is larger than ${route.bodyLimit} bytes, this route's limit.`
          : `The request body is larger than ${route.bodyLimit} bytes; api bodies are small JSON objects.`,
      { instance: path },
    );
  const mediaType = () =>
    problem(
      'unsupported-media-type',
      route.model
        ? 'Send the model as YAML with Content-Type: application/yaml, or as JSON with Content-Type: application/json.'
        : 'Send the body as JSON with Content-Type: application/json.',
      { instance: path },
    );
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
    const details = toProblem(error, request.url, {
      bodyLimit: request.routeOptions.bodyLimit,
      model: isModelBodyRoute(request.routeOptions.config),
    });
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
