import { Inject, Injectable } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { INGEST_SETTINGS, type IngestSettings } from '../app/ingest.settings.js';
import { TrackedRequests } from './tracked-request.js';
import { verifyPageView } from '../pixel/page-view-signature.js';
import { PIXEL_HEADERS, TRANSPARENT_GIF } from '../pixel/transparent-gif.js';
import { classifyClick, isPrefetch } from '../traffic/machine-traffic.js';

export const PAGE_VIEW_PATH = '/v1/page.gif';

const UTM = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/** The UTM parameters of the page's (signed) address, as `data.utm`. */
function utmOf(url: URL): Record<string, string> | undefined {
  const utm: Record<string, string> = {};
  for (const name of UTM) {
    const value = url.searchParams.get(`utm_${name}`);
    if (value) utm[name] = value.slice(0, 256);
  }
  return Object.keys(utm).length > 0 ? utm : undefined;
}

/**
 * GET /v1/page.gif: the page-view pixel of pages without JavaScript (page-view-signature.ts). Like the
 * email pixel: always the GIF, before the Kafka ack; a correctly signed one records `web.page_viewed`
 * (url, path, UTM parameters of the signed address, bots and prefetches flagged `bot`); anything else
 * is counted as a rejected pixel and produces nothing.
 */
@Injectable()
export class PageViewEndpoint {
  constructor(
    private readonly tracked: TrackedRequests,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
  ) {}

  serve(request: FastifyRequest, reply: FastifyReply): Promise<void> | undefined {
    const answer = (): void => {
      void reply.headers(PIXEL_HEADERS).status(200).send(TRANSPARENT_GIF);
    };
    const verification = verifyPageView(this.settings.pixelSecret, request.query as Record<string, unknown>);
    if (!verification.valid) {
      this.tracked.refused('pixel');
      answer();
      return undefined;
    }
    const { claims } = verification;
    const page = new URL(claims.url);
    const userAgent = request.headers['user-agent'];
    const verdict = classifyClick({ userAgent, prefetch: isPrefetch(request.headers) });
    const data: Record<string, unknown> = { url: claims.url, path: page.pathname };
    const utm = utmOf(page);
    if (utm) data['utm'] = utm;
    data['bot'] = verdict.machine;
    if (verdict.machine) data['bot_reason'] = verdict.reason;
    if (userAgent) data['user_agent'] = userAgent.slice(0, 1024);
    const event = {
      id: `page:${randomUUID()}`,
      source: PAGE_VIEW_PATH,
      type: 'web.page_viewed',
      subject: claims.subject,
      data,
    };
    return this.tracked.record('pixel', claims.workspace, event, answer, 'page view not recorded');
  }
}

/** Routed on Fastify directly, as the email pixel is (see registerPixelRoute). */
export function registerPageViewRoute(app: NestFastifyApplication): void {
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  const endpoint = app.get(PageViewEndpoint);
  fastify.get(PAGE_VIEW_PATH, (request, reply) => endpoint.serve(request, reply));
}
