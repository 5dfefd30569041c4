import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { Logger } from '@leadscore/observability';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WorkspaceDirectory } from '../auth/workspace-directory.js';
import { EventIngestion } from '../app/event-ingestion.js';
import { INGEST_SETTINGS, type IngestSettings } from '../app/ingest.settings.js';
import { INGEST_LOGGER, WORKSPACE_DIRECTORY } from '../app/ingest.tokens.js';
import { PIXEL_HEADERS, TRANSPARENT_GIF } from '../pixel/transparent-gif.js';
import { verifyPixel } from '../pixel/pixel-signature.js';
import { ProblemError } from '../http/problem-details.js';
import { classifyOpen } from '../traffic/machine-traffic.js';
import { randomUUID } from 'node:crypto';

/**
 * GET /v1/pixel.gif: always the transparent GIF (a broken image helps nobody); an event only for a
 * correctly signed URL, produced before the response so an answered pixel is an event in Kafka.
 * Forged and unsigned pixels are counted as rejected pixel events.
 */
@Controller('v1')
export class PixelController {
  constructor(
    private readonly ingestion: EventIngestion,
    @Inject(WORKSPACE_DIRECTORY) private readonly directory: WorkspaceDirectory,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
    @Inject(INGEST_LOGGER) private readonly logger: Logger,
  ) {}

  @Get('pixel.gif')
  async pixel(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const verification = verifyPixel(this.settings.pixelSecret, request.query as Record<string, unknown>);
    if (verification.valid) {
      const { claims } = verification;
      const userAgent = request.headers['user-agent'];
      const verdict = classifyOpen({ userAgent, ip: request.ip });
      const candidate = {
        id: `pixel:${randomUUID()}`,
        source: '/v1/pixel.gif',
        type: claims.type,
        subject: claims.subject,
        data: {
          message_id: claims.messageId,
          ...(claims.campaignId ? { campaign_id: claims.campaignId } : {}),
          provider: 'pixel',
          machine_open: verdict.machine,
          ...(verdict.machine ? { machine_open_reason: verdict.reason } : {}),
          ...(userAgent ? { user_agent: userAgent.slice(0, 1024) } : {}),
        },
      };
      try {
        await this.ingestion.execute({
          channel: 'pixel',
          workspace: claims.workspace,
          keyKind: 'publishable',
          identity: this.directory.settings(claims.workspace)?.identity ?? {},
          defaultSource: '/v1/pixel.gif',
          candidates: [candidate],
        });
      } catch (error) {
        // The image is served regardless; the failure is in the logs and the metrics.
        const status = error instanceof ProblemError ? error.problem.status : 500;
        this.logger.warn({ err: error, workspace: claims.workspace, status }, 'pixel open not recorded');
      }
    } else {
      this.ingestion.countRejectedPixel(verification.reason);
    }
    await reply.headers(PIXEL_HEADERS).status(200).send(TRANSPARENT_GIF);
  }
}
