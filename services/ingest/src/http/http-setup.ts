import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IngestMetrics, registerMetrics, type Logger } from '@leadscore/observability';
import type { FastifyInstance } from 'fastify';
import { Registry, type Histogram } from 'prom-client';
import { ProblemFilter } from './problem.filter.js';

/** Media types whose bodies reach the controllers as raw bytes (providers sign bytes). */
const BODY_TYPES = [
  'application/json',
  'application/cloudevents-batch+json',
  'application/cloudevents+json',
  'application/x-www-form-urlencoded',
  // Segment's browser SDK sends JSON as text/plain with sendBeacon.
  'text/plain',
];

/** The Segment routes, which browsers call from customers' pages. */
const CROSS_ORIGIN_ROUTES = new Set(['/v1/batch', '/v1/track', '/v1/identify', '/v1/page', '/v1/group']);

/**
 * Fastify-level wiring the controllers rely on; call after NestFactory.create and before init/listen.
 * Bodies stay Buffers and every response is timed. Fastify's own errors (body limit, media type)
 * reach Nest's error handler and so the ProblemFilter, which turns them into problem+json.
 */
export function configureIngestHttp(
  app: NestFastifyApplication,
  logger: Logger,
  bodyLimitBytes: number,
): void {
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(
    BODY_TYPES,
    { parseAs: 'buffer', bodyLimit: bodyLimitBytes },
    (_request, body, done) => {
      done(null, body);
    },
  );

  // Web pages on any site call the Segment routes (the tracking snippet, analytics.js): their answers
  // may be read cross-origin (no cookies are involved; the key is in the body), so that the snippet
  // sees a 429 or 5xx and retries. Added per route when it is registered: no hook on other routes.
  fastify.addHook('onRoute', (route) => {
    if (!CROSS_ORIGIN_ROUTES.has(route.url)) return;
    const existing = route.onRequest ?? [];
    route.onRequest = [
      ...(Array.isArray(existing) ? existing : [existing]),
      (_request, reply, done) => {
        void reply.header('access-control-allow-origin', '*');
        done();
      },
    ];
  });

  const metrics = registerMetrics(app.get(Registry), IngestMetrics);
  // Labelled children cached per route and status: prom-client would otherwise hash the label object
  // on every observation of every request.
  const durations = new Map<string, Histogram.Internal<'route' | 'status_code'>>();
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const key = `${reply.statusCode} ${route}`;
    let duration = durations.get(key);
    if (!duration) {
      duration = metrics.requestDuration.labels({ route, status_code: String(reply.statusCode) });
      durations.set(key, duration);
    }
    duration.observe(reply.elapsedTime / 1000);
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > 0) metrics.requestSize.observe({ route }, length);
    done();
  });
  app.useGlobalFilters(new ProblemFilter(logger, bodyLimitBytes));
}
