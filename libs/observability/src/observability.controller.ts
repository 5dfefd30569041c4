import { Controller, Get, Res } from '@nestjs/common';
import { type FastifyReply } from 'fastify';
import { Registry } from 'prom-client';
import { ReadinessService } from './readiness.service.js';

/** GET /metrics, /healthz, /readyz: what Prometheus and the orchestrator ask every service. */
@Controller()
export class ObservabilityController {
  constructor(
    private readonly registry: Registry,
    private readonly readiness: ReadinessService,
  ) {}

  @Get('metrics')
  async metrics(@Res() reply: FastifyReply): Promise<void> {
    const body = await this.registry.metrics();
    await reply.status(200).header('content-type', this.registry.contentType).send(body);
  }

  /** Liveness: the process answers. Never checks dependencies, so a broker outage restarts nothing. */
  @Get('healthz')
  async healthz(@Res() reply: FastifyReply): Promise<void> {
    await reply.status(200).send({ status: 'ok' });
  }

  @Get('readyz')
  async readyz(@Res() reply: FastifyReply): Promise<void> {
    const state = await this.readiness.state();
    await reply.status(state.status === 'ready' ? 200 : 503).send(state);
  }
}
