import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiMetrics, registerMetrics, type Logger } from '@leadscore/observability';
import type { FastifyInstance } from 'fastify';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Registry, type Histogram } from 'prom-client';
import { callerOf } from '../auth/caller.js';
import { CONSOLE_PREFIX } from '../console/serve-console.js';
import { API_BODY_LIMIT_BYTES, MODEL_BODY_LIMIT_BYTES, YAML_MEDIA_TYPES } from './http-limits.js';
import { bodyLimitOf } from './body-limit.js';
import { isModelBodyRoute } from './model-body.js';
import { ProblemError, problem } from './problem-details.js';
import { ProblemFilter } from './problem.filter.js';

export const REQUEST_ID_HEADER = 'x-request-id';
const OPERATIONAL_ROUTES = new Set(['/metrics', '/healthz', '/readyz']);
/** A caller's request id is kept when it looks like one (a UUID, a trace id); otherwise one is made. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface RegisteredRoute {
  readonly method: string;
  readonly url: string;
}

const registered = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/** Every route Fastify registered (HEAD twins of GET routes left out): the OpenAPI test checks each is documented. */
export function registeredRoutes(fastify: FastifyInstance): readonly RegisteredRoute[] {
  return registered.get(fastify) ?? [];
}

/** Fastify's `genReqId`: the caller's X-Request-Id when acceptable, a new UUID otherwise. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && ACCEPTABLE_REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Fastify-level wiring; call after NestFactory.create and before init/listen. JSON bodies reach the
 * controllers as raw bytes (request-body.ts parses them through the shared guard), YAML bodies too on
 * the model routes (model-body.ts), every other media type is refused (415); every response carries
 * the request id, is logged with it (and with the workspace and key once authenticated), and is timed.
 */
export function configureApiHttp(app: NestFastifyApplication, logger: Logger): void {
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  const routes: RegisteredRoute[] = [];
  registered.set(fastify, routes);
  fastify.addHook('onRoute', (route) => {
    // The console's files and pages (console/serve-console.ts) are not routes of the api.
    if (route.url === CONSOLE_PREFIX || route.url.startsWith(`${CONSOLE_PREFIX}/`)) return;
    for (const method of [route.method].flat())
      if (method !== 'HEAD') routes.push({ method, url: route.url });
  });
  fastify.removeAllContentTypeParsers();
  // Routes marked @ModelBodyRoute() take models of up to 256 KB (a route's limit overrides the parsers').
  fastify.addHook('onRoute', (route) => {
    if (isModelBodyRoute(route.config)) route.bodyLimit = MODEL_BODY_LIMIT_BYTES;
    // Routes marked @BodyLimit(bytes) (the learn route's CSV text) take JSON of that size.
    const limit = bodyLimitOf(route.config);
    if (limit !== undefined) route.bodyLimit = limit;
  });
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: API_BODY_LIMIT_BYTES },
    (_request, body, done) => {
      done(null, body);
    },
  );
  // YAML only where a model is the body; anywhere else it is refused like any other media type.
  fastify.addContentTypeParser(
    [...YAML_MEDIA_TYPES],
    { parseAs: 'buffer', bodyLimit: API_BODY_LIMIT_BYTES },
    (request, body, done) => {
      if (isModelBodyRoute(request.routeOptions.config)) done(null, body);
      else
        done(
          new ProblemError(
            problem('unsupported-media-type', 'Send the body as JSON with Content-Type: application/json.'),
          ),
          undefined,
        );
    },
  );
  const metrics = registerMetrics(app.get(Registry), ApiMetrics);
  const durations = new Map<string, Histogram.Internal<'route' | 'status_code'>>();
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${reply.statusCode} ${route}`;
    let duration = durations.get(key);
    if (!duration) {
      duration = metrics.requestDuration.labels({ route, status_code: String(reply.statusCode) });
      durations.set(key, duration);
    }
    duration.observe(reply.elapsedTime / 1000);
    const caller = callerOf(request);
    // Scrapes and probes every few seconds would drown the log: those at debug level.
    logger[OPERATIONAL_ROUTES.has(route) ? 'debug' : 'info'](
      {
        requestId: request.id,
        method: request.method,
        route,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        ...(caller ? { workspace: caller.workspaceId, actor: caller.actor } : {}),
      },
      'request',
    );
    done();
  });
  app.useGlobalFilters(new ProblemFilter(logger));
}
