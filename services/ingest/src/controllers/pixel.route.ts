import { Inject, Injectable } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { INGEST_SETTINGS, type IngestSettings } from '../app/ingest.settings.js';
import { TrackedRequests } from './tracked-request.js';
import { PIXEL_HEADERS, TRANSPARENT_GIF } from '../pixel/transparent-gif.js';
import { verifyPixel } from '../pixel/pixel-signature.js';
import { classifyOpen } from '../traffic/machine-traffic.js';

export const PIXEL_PATH = '/v1/pixel.gif';

/**
 * GET /v1/pixel.gif: always the transparent GIF (a broken image helps nobody); an event only for a
 * correctly signed URL. The GIF does not wait for the Kafka ack: the answer is the same either way
 * and a mail client cannot retry, so the open is handed to the producer and its outcome is counted
 * (and logged on failure) by EventPublisher.publishDetached; shutdown drains pending opens.
 * Forged and unsigned pixels are counted as rejected pixel events.
 */
@Injectable()
export class PixelEndpoint {
  constructor(
    private readonly tracked: TrackedRequests,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
  ) {}

  /** Serves one pixel request; synchronous unless the producer pushes back (then the promise of the answer). */
  serve(request: FastifyRequest, reply: FastifyReply): Promise<void> | undefined {
    const verification = verifyPixel(this.settings.pixelSecret, request.query as Record<string, unknown>);
    if (!verification.valid) {
      this.tracked.refused('pixel');
      sendGif(reply);
      return undefined;
    }
    const { claims } = verification;
    const userAgent = request.headers['user-agent'];
    const verdict = classifyOpen({ userAgent, ip: request.ip });
    // Built field by field (same fields, same order as the event's JSON) rather than with spreads of
    // conditional literals: no throwaway objects on the hottest route.
    const data: Record<string, unknown> = { message_id: claims.messageId };
    if (claims.campaignId) data['campaign_id'] = claims.campaignId;
    data['provider'] = 'pixel';
    data['machine_open'] = verdict.machine;
    if (verdict.machine) data['machine_open_reason'] = verdict.reason;
    if (userAgent) data['user_agent'] = userAgent.slice(0, 1024);
    const candidate = {
      id: `pixel:${randomUUID()}`,
      source: PIXEL_PATH,
      type: claims.type,
      subject: claims.subject,
      data,
    };
    // Rate limit or an invalid subject: the image is served regardless; logged and counted.
    return this.tracked.record(
      'pixel',
      claims.workspace,
      candidate,
      () => sendGif(reply),
      'pixel open not recorded',
    );
  }
}

function sendGif(reply: FastifyReply): void {
  void reply.headers(PIXEL_HEADERS).status(200).send(TRANSPARENT_GIF);
}

/**
 * Routes the pixel on Fastify itself instead of through a Nest controller: it is the hottest route,
 * never fails (every outcome is the GIF) and uses none of Nest's per-request machinery (guards,
 * pipes, interceptors, exception filters), which would only add work per open
 * (tools/bench/src/ingest.bench.ts). The endpoint is still a Nest provider with injected collaborators;
 * Fastify's hooks (metrics, shutdown 503) apply as to every route.
 */
export function registerPixelRoute(app: NestFastifyApplication): void {
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  const endpoint = app.get(PixelEndpoint);
  fastify.get(PIXEL_PATH, (request, reply) => endpoint.serve(request, reply));
}
