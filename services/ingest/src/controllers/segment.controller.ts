import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { WorkspaceDirectory } from '../auth/workspace-directory.js';
import { hashKey, type WorkspaceKey } from '../auth/workspace-key.js';
import { EventIngestion, type IngestReceipt } from '../app/event-ingestion.js';
import { INGEST_SETTINGS, type IngestSettings } from '../app/ingest.settings.js';
import { CLOCK, WORKSPACE_DIRECTORY, type Clock } from '../app/ingest.tokens.js';
import { MappingFailure } from '../batch/event-batch.js';
import { fail } from '../http/problem-details.js';
import { parseJsonBody } from '../http/request-body.js';
import { authenticate, authenticateSegmentBody, rawBody, requireMediaType } from '../http/request-guards.js';
import {
  mapSegmentCalls,
  segmentBatchOf,
  type SegmentCallDefaults,
  type SegmentCallType,
} from '../segment/segment.mapper.js';
import { segmentEventTime } from '../segment/segment-time.js';

const NO_FORM_FIELDS: ReadonlySet<string> = new Set();

// Segment's browser SDK posts JSON as text/plain (sendBeacon).
const SEGMENT_TYPES = ['application/json', 'text/plain'];

/** Segment-compatible tracking API: point an analytics.js / analytics-node / RudderStack SDK here. */
@Controller('v1')
export class SegmentController {
  constructor(
    private readonly ingestion: EventIngestion,
    @Inject(WORKSPACE_DIRECTORY) private readonly directory: WorkspaceDirectory,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
    @Inject(CLOCK) private readonly clock: Clock,
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

  @Post('group')
  @HttpCode(202)
  group(@Req() request: FastifyRequest): Promise<IngestReceipt> {
    return this.single(request, 'group');
  }

  @Post('alias')
  @HttpCode(202)
  alias(@Req() request: FastifyRequest): Promise<IngestReceipt> {
    return this.single(request, 'alias');
  }

  @Post('batch')
  @HttpCode(202)
  async batch(@Req() request: FastifyRequest): Promise<IngestReceipt> {
    const { key, body } = this.readRequest(request);
    const batch = segmentBatchOf(body);
    if (batch instanceof MappingFailure)
      fail('malformed-request', 'Expected {"batch": [...]} with Segment calls.', {
        errors: [...batch.issues],
      });
    if (batch.calls.length === 0)
      fail('malformed-request', 'The batch is empty.', {
        errors: [{ field: 'batch', expected: 'at least one call' }],
      });
    if (batch.calls.length > this.settings.maxBatchEvents) {
      fail(
        'payload-too-large',
        `The batch has ${batch.calls.length} calls; send at most ${this.settings.maxBatchEvents} per request.`,
      );
    }
    // The batch's sentAt corrects every call's time: an unreadable one is wrong for all of them.
    const sentAt = segmentEventTime({ sentAt: batch.sentAt }, 0);
    if (!sentAt.ok)
      fail('malformed-request', `The batch's sentAt is not a time: ${sentAt.issue.expected}.`, {
        errors: [sentAt.issue],
      });
    return this.ingest(key, batch.calls, { context: batch.context, sentAt: batch.sentAt });
  }

  private single(request: FastifyRequest, callType: SegmentCallType): Promise<IngestReceipt> {
    const { key, body } = this.readRequest(request);
    return this.ingest(key, [body], { callType });
  }

  /** Authenticates (header, else the body's writeKey) and parses the body. */
  private readRequest(request: FastifyRequest): { key: WorkspaceKey; body: unknown } {
    const headerKey =
      request.headers.authorization === undefined ? undefined : authenticate(request, this.directory);
    requireMediaType(request, SEGMENT_TYPES);
    const body = parseJsonBody(rawBody(request));
    return { key: authenticateSegmentBody(headerKey, body, this.directory), body };
  }

  /** Maps the calls (each on its own) and hands them to the one application function. */
  private ingest(
    key: WorkspaceKey,
    calls: readonly unknown[],
    defaults: Omit<SegmentCallDefaults, 'receivedAtMs' | 'isRequestKey'>,
  ): Promise<IngestReceipt> {
    const workspace = this.directory.settings(key.workspace);
    const identity = workspace?.identity ?? {};
    const { candidates, derivedIds } = mapSegmentCalls(
      calls,
      {
        ...defaults,
        receivedAtMs: this.clock(),
        isRequestKey: (writeKey) => hashKey(writeKey) === key.keyHash,
        formFields:
          key.kind === 'publishable' ? (workspace?.trackingFormFields ?? NO_FORM_FIELDS) : undefined,
      },
      identity,
    );
    return this.ingestion.execute({
      channel: 'segment',
      workspace: key.workspace,
      keyKind: key.kind,
      identity,
      defaultSource: '/v1/batch',
      candidates,
      derivedIds,
    });
  }
}
