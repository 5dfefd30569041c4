import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { WorkspaceDirectory } from '../auth/workspace-directory.js';
import { EventIngestion, type IngestReceipt } from '../app/event-ingestion.js';
import { INGEST_SETTINGS, type IngestSettings } from '../app/ingest.settings.js';
import { WORKSPACE_DIRECTORY } from '../app/ingest.tokens.js';
import { MappingFailure } from '../batch/event-batch.js';
import { fail } from '../http/problem-details.js';
import { parseJsonBody } from '../http/request-body.js';
import { authenticate, rawBody, requireMediaType } from '../http/request-guards.js';
import { mapSegmentBatch, mapSegmentCall, type SegmentCallType } from '../segment/segment.mapper.js';

// Segment's browser SDK posts JSON as text/plain (sendBeacon).
const SEGMENT_TYPES = ['application/json', 'text/plain'];

/** Segment-compatible tracking API: point an analytics.js / analytics-node / RudderStack SDK here. */
@Controller('v1')
export class SegmentController {
  constructor(
    private readonly ingestion: EventIngestion,
    @Inject(WORKSPACE_DIRECTORY) private readonly directory: WorkspaceDirectory,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
  ) {}

  @Post('track')
  @HttpCode(202)
  track(@Req() request: FastifyRequest): Promise<IngestReceipt> {
    return this.single(request, 'track');
  }

  @Post('identify')
  @HttpCode(202)
  identify(@Req() request: FastifyRequest): Promise<IngestReceipt> {
    return this.single(request, 'identify');
  }

  @Post('page')
  @HttpCode(202)
  page(@Req() request: FastifyRequest): Promise<IngestReceipt> {
    return this.single(request, 'page');
  }

  @Post('batch')
  @HttpCode(202)
  async batch(@Req() request: FastifyRequest): Promise<IngestReceipt> {
    const key = authenticate(request, this.directory);
    requireMediaType(request, SEGMENT_TYPES);
    const identity = this.directory.settings(key.workspace)?.identity ?? {};
    const mapped = mapSegmentBatch(parseJsonBody(rawBody(request)), identity);
    if (mapped instanceof MappingFailure)
      fail('malformed-request', 'Expected {"batch": [...]} with Segment calls.', {
        errors: [...mapped.issues],
      });
    if (mapped.length === 0)
      fail('malformed-request', 'The batch is empty.', {
        errors: [{ field: 'batch', expected: 'at least one call' }],
      });
    if (mapped.length > this.settings.maxBatchEvents) {
      fail(
        'payload-too-large',
        `The batch has ${mapped.length} calls; send at most ${this.settings.maxBatchEvents} per request.`,
      );
    }
    return this.ingestion.execute({
      channel: 'segment',
      workspace: key.workspace,
      keyKind: key.kind,
      identity,
      defaultSource: '/v1/batch',
      candidates: mapped,
    });
  }

  private async single(request: FastifyRequest, callType: SegmentCallType): Promise<IngestReceipt> {
    const key = authenticate(request, this.directory);
    requireMediaType(request, SEGMENT_TYPES);
    const identity = this.directory.settings(key.workspace)?.identity ?? {};
    const candidate = mapSegmentCall(parseJsonBody(rawBody(request)), callType, identity);
    return this.ingestion.execute({
      channel: 'segment',
      workspace: key.workspace,
      keyKind: key.kind,
      identity,
      defaultSource: `/v1/${callType}`,
      candidates: [candidate],
    });
  }
}
