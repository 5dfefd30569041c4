import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { WorkspaceDirectory } from '../auth/workspace-directory.js';
import { EventIngestion, type IngestReceipt } from '../app/event-ingestion.js';
import { INGEST_SETTINGS, type IngestSettings } from '../app/ingest.settings.js';
import { WORKSPACE_DIRECTORY } from '../app/ingest.tokens.js';
import { fail } from '../http/problem-details.js';
import { isPlainObject, parseJsonBody } from '../http/request-body.js';
import { authenticate, rawBody, requireMediaType } from '../http/request-guards.js';
import { withTrackedFormFields } from '../tracking/tracked-form-fields.js';

export const JSON_TYPES = [
  'application/json',
  'application/cloudevents-batch+json',
  'application/cloudevents+json',
];

/** POST /v1/events: a batch of canonical events (a JSON array, or `{ "events": [...] }`). */
@Controller('v1')
export class EventsController {
  constructor(
    private readonly ingestion: EventIngestion,
    @Inject(WORKSPACE_DIRECTORY) private readonly directory: WorkspaceDirectory,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
  ) {}

  @Post('events')
  @HttpCode(202)
  async events(@Req() request: FastifyRequest): Promise<IngestReceipt> {
    const key = authenticate(request, this.directory);
    requireMediaType(request, JSON_TYPES);
    const body = parseJsonBody(rawBody(request));
    const events = Array.isArray(body)
      ? body
      : isPlainObject(body) && Array.isArray(body['events'])
        ? body['events']
        : undefined;
    if (!events)
      fail(
        'malformed-request',
        'Expected a JSON array of events, or an object whose "events" field is that array.',
        { errors: [{ field: 'events', expected: 'an array of CloudEvents' }] },
      );
    if (events.length === 0)
      fail(
        'malformed-request',
        'The batch is empty; send between 1 and ' + this.settings.maxBatchEvents + ' events.',
        { errors: [{ field: 'events', expected: 'at least one event' }] },
      );
    if (events.length > this.settings.maxBatchEvents) {
      fail(
        'payload-too-large',
        `The batch has ${events.length} events; send at most ${this.settings.maxBatchEvents} per request.`,
        {
          errors: [{ field: 'events', expected: `at most ${this.settings.maxBatchEvents} events` }],
        },
      );
    }
    const workspace = this.directory.settings(key.workspace);
    return this.ingestion.execute({
      channel: 'api',
      workspace: key.workspace,
      keyKind: key.kind,
      identity: workspace?.identity ?? {},
      defaultSource: '/v1/events',
      // A web page (publishable key) sends only the configured form fields; a server sends what it has.
      candidates:
        key.kind === 'publishable'
          ? withTrackedFormFields(events, workspace?.trackingFormFields ?? new Set())
          : events,
    });
  }
}
