import { Inject, Injectable } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { INGEST_SETTINGS, type IngestSettings } from '../app/ingest.settings.js';
import { TrackedRequests } from './tracked-request.js';
import { verifyClick } from '../pixel/click-signature.js';
import { classifyClick } from '../traffic/machine-traffic.js';

export const CLICK_PATH = '/v1/click';

/** What a person sees when a link is not one of ours: said plainly, with no way onward. */
const INVALID_LINK_PAGE =
  '<!doctype html><meta charset="utf-8"><title>Link not valid</title>' +
  '<p>This tracking link is not valid: it was changed or cut short after it was sent. ' +
  'Go to the site directly, or ask the sender for the link again.</p>';

/**
 * GET /v1/click: a signed email link. A valid one records `email.clicked` (the target as `url`, link
 * scanners flagged as `bot`) and redirects (302) to the signed target, without waiting for the Kafka ack,
 * as the pixel does: the answer is the same either way, and a person should not wait on a broker; the
 * outcome is counted (and logged on failure) by EventPublisher.publishDetached. Anything else is a 400
 * page and no redirect: the target of an unsigned or changed link is never followed (no open redirect).
 */
@Injectable()
export class ClickEndpoint {
  constructor(
    private readonly tracked: TrackedRequests,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
  ) {}

  serve(request: FastifyRequest, reply: FastifyReply): Promise<void> | undefined {
    const verification = verifyClick(this.settings.pixelSecret, request.query as Record<string, unknown>);
    if (!verification.valid) {
      this.tracked.refused('link');
      void reply
        .status(400)
        .headers({ 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .send(INVALID_LINK_PAGE);
      return undefined;
    }
    const { claims } = verification;
    const userAgent = request.headers['user-agent'];
    const verdict = classifyClick({ userAgent, ip: request.ip });
    const data: Record<string, unknown> = { message_id: claims.messageId };
    if (claims.campaignId) data['campaign_id'] = claims.campaignId;
    data['provider'] = 'link';
    data['url'] = claims.target;
    data['bot'] = verdict.machine;
    if (verdict.machine) data['bot_reason'] = verdict.reason;
    if (userAgent) data['user_agent'] = userAgent.slice(0, 1024);
    const event = {
      id: `click:${randomUUID()}`,
      source: CLICK_PATH,
      type: 'email.clicked',
      subject: claims.subject,
      data,
    };
    const redirect = (): void => {
      void reply
        .status(302)
        .headers({ location: claims.target, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' })
        .send();
    };
    // Rate limit or an invalid subject: the person still reaches the page; logged and counted.
    return this.tracked.record('link', claims.workspace, event, redirect, 'email click not recorded');
  }
}

/** Routed on Fastify directly, as the pixel is (see registerPixelRoute): no Nest machinery per click. */
export function registerClickRoute(app: NestFastifyApplication): void {
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();
  const endpoint = app.get(ClickEndpoint);
  fastify.get(CLICK_PATH, (request, reply) => endpoint.serve(request, reply));
}
