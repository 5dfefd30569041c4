import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from '@leadscore/observability';
import type { FastifyReply } from 'fastify';
import {
  PROBLEM_CONTENT_TYPE,
  ProblemError,
  problem,
  type ProblemDetails,
  type ProblemKind,
} from './problem-details.js';

const KIND_BY_STATUS: Readonly<Record<number, ProblemKind>> = {
  400: 'malformed-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  429: 'rate-limited',
  503: 'kafka-unavailable',
};

interface FastifyLikeError {
  readonly statusCode?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
}

/** Turns anything thrown while serving a request into an RFC 9457 problem. */
export function toProblem(error: unknown, url: string, bodyLimitBytes: number): ProblemDetails {
  if (error instanceof ProblemError) return { ...error.problem, instance: url };
  const tooLarge = () =>
    problem(
      'payload-too-large',
      `The request body is larger than ${bodyLimitBytes} bytes; split the batch into smaller requests.`,
      { instance: url },
    );
  const mediaType = () =>
    problem(
      'unsupported-media-type',
      'Send Content-Type: application/json (or application/x-www-form-urlencoded for Twilio).',
      { instance: url },
    );
  if (error instanceof HttpException) {
    // Fastify's own errors (body limit, media type) reach Nest's filters as HttpExceptions.
    const status = error.getStatus();
    const kind = KIND_BY_STATUS[status];
    if (kind === 'not-found')
      return problem('not-found', `No route ${url}; see services/ingest/README.md for the endpoints.`, {
        instance: url,
      });
    if (kind === 'payload-too-large') return tooLarge();
    if (kind === 'unsupported-media-type') return mediaType();
    if (kind) return problem(kind, error.message, { instance: url });
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as FastifyLikeError;
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return tooLarge();
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return mediaType();
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem('malformed-request', String(e.message), { instance: url });
    default:
      if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
        return problem(KIND_BY_STATUS[e.statusCode] ?? 'malformed-request', String(e.message), {
          instance: url,
        });
      }
      return problem(
        'internal',
        'The ingest service failed on this request; it has been logged. Retry later.',
        { instance: url },
      );
  }
}

export async function sendProblem(reply: FastifyReply, details: ProblemDetails): Promise<void> {
  if (details.retryAfterSeconds !== undefined)
    void reply.header('retry-after', String(details.retryAfterSeconds));
  await reply
    .status(details.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(details));
}

/** The one exception filter of the service. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly bodyLimitBytes: number,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const url = http.getRequest<{ url: string }>().url;
    const details = toProblem(error, url, this.bodyLimitBytes);
    if (details.status >= 500 && details.status !== 503)
      this.logger.error({ err: error, url }, 'request failed');
    void sendProblem(reply, details);
  }
}
