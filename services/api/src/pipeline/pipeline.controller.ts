import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { Documented } from '../openapi/route-doc.js';
import { pipelineHealthSchema, type PipelineHealth } from '@leadscore/contracts';
import { ReadPipelineHealth } from './read-pipeline-health.usecase.js';

/** The pipeline's health (read or admin) from the other services' Prometheus metrics. */
@Controller('v1/pipeline')
@UseGuards(ApiKeyGuard)
export class PipelineController {
  constructor(@Inject(ReadPipelineHealth) private readonly health: ReadPipelineHealth) {}

  @Get('health')
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'pipeline',
    summary: 'Whether the pipeline services answer, and how fast events flow through them',
    description:
      'The api scrapes the /metrics of ingest, scorer, decay, threshold and analytics (PIPELINE_METRICS_URLS) at once; a service that does not answer within 1.5 s is down and its numbers are left out. Rates compare with the previous scrape of this api instance (null on the first); a call within a second of it gets the same answer. The numbers are the whole pipeline’s, not the caller’s workspace’s.',
    responses: { 200: { description: 'The pipeline’s health now', schema: pipelineHealthSchema } },
  })
  read(): Promise<PipelineHealth> {
    return this.health.execute();
  }
}
