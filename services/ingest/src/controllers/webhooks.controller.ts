import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { WorkspaceDirectory, WorkspaceSettings } from '../auth/workspace-directory.js';
import { EventIngestion, type IngestReceipt } from '../app/event-ingestion.js';
import { INGEST_SETTINGS, type IngestSettings } from '../app/ingest.settings.js';
import { CLOCK, WORKSPACE_DIRECTORY, type Clock } from '../app/ingest.tokens.js';
import { MappingFailure } from '../batch/event-batch.js';
import { hostileContentIssue } from '../batch/hostile-content.js';
import { fail } from '../http/problem-details.js';
import { isPlainObject, parseFormBody, parseJsonBody } from '../http/request-body.js';
import { rawBody, requireMediaType } from '../http/request-guards.js';
import { mapMailgunEvent, MAILGUN_SOURCE } from '../providers/mailgun.mapper.js';
import type { Provider, ProviderMapping } from '../providers/provider-mapping.js';
import { deliveryOf } from '../providers/provider-receipt.js';
import { mapSendgridEvents, SENDGRID_SOURCE } from '../providers/sendgrid.mapper.js';
import { mapTwilioWebhook, TWILIO_SOURCE } from '../providers/twilio.mapper.js';
import { mapZoomEvent, ZOOM_SOURCE } from '../providers/zoom.mapper.js';
import { verifyMailgunSignature } from '../signatures/mailgun.signature.js';
import {
  SENDGRID_SIGNATURE_HEADER,
  SENDGRID_TIMESTAMP_HEADER,
  verifySendgridSignature,
} from '../signatures/sendgrid.signature.js';
import type { SignatureCheck } from '../signatures/signature-check.js';
import {
  TWILIO_SIGNATURE_HEADER,
  verifyTwilioBodySignature,
  verifyTwilioSignature,
} from '../signatures/twilio.signature.js';
import {
  verifyZoomSignature,
  ZOOM_SIGNATURE_HEADER,
  ZOOM_TIMESTAMP_HEADER,
  zoomUrlValidationResponse,
} from '../signatures/zoom.signature.js';

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isJson(request: FastifyRequest): boolean {
  return (header(request, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() === 'application/json';
}

/** A Twilio JSON body as the parameter map of its form-encoded twin (scalar fields; arrays as repeats). */
function jsonParams(body: Record<string, unknown>): Map<string, string[]> {
  const params = new Map<string, string[]>();
  const scalar = (value: unknown): string | undefined =>
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : undefined;
  for (const [name, value] of Object.entries(body)) {
    const values = (Array.isArray(value) ? value : [value])
      .map(scalar)
      .filter((v): v is string => v !== undefined);
    if (values.length > 0) params.set(name, values);
  }
  return params;
}

/**
 * Provider webhooks, at `/v1/webhooks/<provider>?workspace=<id>`. Each is authenticated by the
 * provider's own signature with that workspace's provider secret (401 when bad, missing or stale),
 * then mapped to canonical events and produced like any batch.
 */
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(
    private readonly ingestion: EventIngestion,
    @Inject(WORKSPACE_DIRECTORY) private readonly directory: WorkspaceDirectory,
    @Inject(INGEST_SETTINGS) private readonly settings: IngestSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('sendgrid')
  @HttpCode(202)
  async sendgrid(@Req() request: FastifyRequest): Promise<IngestReceipt> {
    requireMediaType(request, ['application/json']);
    const workspace = this.workspace(request, 'sendgrid');
    const secrets = workspace.providers.sendgrid;
    if (!secrets)
      return fail('forbidden', `SendGrid is not configured for workspace ${workspace.workspace}.`);
    const payload = rawBody(request) ?? Buffer.alloc(0);
    this.requireValid(
      verifySendgridSignature({
        publicKey: secrets.publicKey,
        signature: header(request, SENDGRID_SIGNATURE_HEADER),
        timestamp: header(request, SENDGRID_TIMESTAMP_HEADER),
        payload,
        nowMs: this.clock(),
        toleranceSeconds: this.settings.signatureToleranceSeconds,
      }),
    );
    const mapped = mapSendgridEvents(parseJsonBody(payload), workspace.identity);
    if (mapped instanceof MappingFailure)
      return fail('malformed-request', 'Expected the SendGrid Event Webhook body: a JSON array of events.', {
        errors: [...mapped.issues],
      });
    return this.ingest(workspace, 'sendgrid', mapped, SENDGRID_SOURCE, undefined);
  }

  /**
   * Form-encoded (signature over URL + sorted parameters) or, with `?bodySHA256=`, a JSON body
   * (signature over the URL, body covered by its hash): the same Messaging fields either way.
   */
  @Post('twilio')
  async twilio(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    requireMediaType(request, ['application/x-www-form-urlencoded', 'application/json']);
    const workspace = this.workspace(request, 'twilio');
    const secrets = workspace.providers.twilio;
    if (!secrets) return fail('forbidden', `Twilio is not configured for workspace ${workspace.workspace}.`);
    const signature = header(request, TWILIO_SIGNATURE_HEADER);
    const url = this.publicUrl(request);
    let params: Map<string, string[]>;
    let payload: unknown;
    if (isJson(request)) {
      const body = rawBody(request) ?? Buffer.alloc(0);
      this.requireValid(verifyTwilioBodySignature({ authToken: secrets.authToken, signature, url, body }));
      payload = parseJsonBody(body);
      if (!isPlainObject(payload))
        return fail('malformed-request', 'Expected a Twilio webhook JSON object.', {
          errors: [{ field: '(body)', expected: 'a JSON object of Twilio parameters' }],
        });
      await this.refuseHostile(workspace, 'twilio', payload, TWILIO_SOURCE);
      params = jsonParams(payload);
    } else {
      params = parseFormBody(rawBody(request));
      this.requireValid(verifyTwilioSignature({ authToken: secrets.authToken, signature, url, params }));
      payload = Object.fromEntries(params);
    }
    await this.ingest(
      workspace,
      'twilio',
      mapTwilioWebhook(params, workspace.identity),
      TWILIO_SOURCE,
      payload,
    );
    await reply.status(200).header('content-type', 'text/xml').send(EMPTY_TWIML);
  }

  @Post('zoom')
  async zoom(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    requireMediaType(request, ['application/json']);
    const workspace = this.workspace(request, 'zoom');
    const secrets = workspace.providers.zoom;
    if (!secrets) return fail('forbidden', `Zoom is not configured for workspace ${workspace.workspace}.`);
    const body = rawBody(request) ?? Buffer.alloc(0);
    this.requireValid(
      verifyZoomSignature({
        secretToken: secrets.secretToken,
        signature: header(request, ZOOM_SIGNATURE_HEADER),
        timestamp: header(request, ZOOM_TIMESTAMP_HEADER),
        body,
        nowMs: this.clock(),
        toleranceSeconds: this.settings.signatureToleranceSeconds,
      }),
    );
    const parsed = parseJsonBody(body);
    if (!isPlainObject(parsed))
      return fail('malformed-request', 'Expected a Zoom event object.', {
        errors: [{ field: 'event', expected: 'a Zoom webhook event' }],
      });
    await this.refuseHostile(workspace, 'zoom', parsed, ZOOM_SOURCE);
    if (parsed['event'] === 'endpoint.url_validation') {
      const payload = isPlainObject(parsed['payload']) ? parsed['payload'] : {};
      const plainToken = payload['plainToken'];
      if (typeof plainToken !== 'string' || plainToken === '') {
        return fail('malformed-request', 'endpoint.url_validation without payload.plainToken.', {
          errors: [{ field: 'payload.plainToken', expected: 'a string' }],
        });
      }
      await reply.status(200).send(zoomUrlValidationResponse(secrets.secretToken, plainToken));
      return;
    }
    const receipt = await this.ingest(
      workspace,
      'zoom',
      mapZoomEvent(parsed, workspace.identity),
      ZOOM_SOURCE,
      parsed,
    );
    await reply.status(202).send(receipt);
  }

  @Post('mailgun')
  @HttpCode(202)
  async mailgun(@Req() request: FastifyRequest): Promise<IngestReceipt> {
    requireMediaType(request, ['application/json']);
    const workspace = this.workspace(request, 'mailgun');
    const secrets = workspace.providers.mailgun;
    if (!secrets) return fail('forbidden', `Mailgun is not configured for workspace ${workspace.workspace}.`);
    const body = parseJsonBody(rawBody(request));
    const signature = isPlainObject(body) && isPlainObject(body['signature']) ? body['signature'] : {};
    const text = (value: unknown): string | undefined =>
      typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
    this.requireValid(
      verifyMailgunSignature({
        signingKey: secrets.signingKey,
        timestamp: text(signature['timestamp']),
        token: text(signature['token']),
        signature: text(signature['signature']),
        nowMs: this.clock(),
        toleranceSeconds: this.settings.signatureToleranceSeconds,
      }),
    );
    await this.refuseHostile(workspace, 'mailgun', body, MAILGUN_SOURCE);
    const eventData =
      isPlainObject(body) && isPlainObject(body['event-data']) ? body['event-data'] : undefined;
    if (!eventData)
      return fail('malformed-request', 'Expected a Mailgun webhook body with "event-data".', {
        errors: [{ field: 'event-data', expected: 'an object' }],
      });
    return this.ingest(
      workspace,
      'mailgun',
      mapMailgunEvent(eventData, workspace.identity),
      MAILGUN_SOURCE,
      eventData,
    );
  }

  private workspace(request: FastifyRequest, provider: Provider): WorkspaceSettings {
    const query = request.query as Record<string, unknown>;
    const id = typeof query['workspace'] === 'string' ? query['workspace'] : undefined;
    if (!id)
      return fail(
        'unauthenticated',
        `Configure the ${provider} webhook URL with ?workspace=<your workspace id>.`,
      );
    const settings = this.directory.settings(id);
    if (!settings)
      return fail('unauthenticated', `Unknown workspace "${id}" in the ${provider} webhook URL.`);
    return settings;
  }

  private requireValid(check: SignatureCheck): void {
    if (!check.valid) fail('invalid-signature', `${check.reason}: ${check.fix}.`);
  }

  /** The URL Twilio called: the configured public URL, else scheme and Host as the proxy forwarded them. */
  private publicUrl(request: FastifyRequest): string {
    if (this.settings.publicUrl) return `${this.settings.publicUrl.replace(/\/$/, '')}${request.url}`;
    const proto = header(request, 'x-forwarded-proto')?.split(',')[0]?.trim() ?? request.protocol;
    return `${proto}://${header(request, 'host') ?? request.hostname}${request.url}`;
  }

  /**
   * Refuses a delivery with hostile content (hostileContentIssue) as one invalid event: nothing of it
   * is accepted, so ingestion answers 400 with its result (and dead-letters it). A SendGrid delivery is
   * a batch: its events are screened one by one (mapSendgridEvents).
   */
  private async refuseHostile(
    workspace: WorkspaceSettings,
    provider: Provider,
    payload: unknown,
    source: string,
  ): Promise<void> {
    const issue = hostileContentIssue(payload, '(body)');
    if (!issue) return;
    const refused = new MappingFailure([issue], undefined, payload);
    await this.ingest(
      workspace,
      provider,
      { candidates: [refused], positions: [0], ignored: [] },
      source,
      undefined,
    );
  }

  /**
   * Produces what a delivery maps to and answers in the sender's terms: results at the positions of
   * the delivery, ignored events listed with their reason (a delivery of ignored events only is a 202
   * with those results; nothing is produced). `payload`: the delivery as received, for the
   * dead-letter copy of a part that could not be mapped.
   */
  private async ingest(
    workspace: WorkspaceSettings,
    provider: Provider,
    mapping: ProviderMapping,
    source: string,
    payload: unknown,
  ): Promise<IngestReceipt> {
    return this.ingestion.execute({
      channel: 'webhook',
      workspace: workspace.workspace,
      keyKind: 'secret',
      identity: workspace.identity,
      defaultSource: source,
      candidates:
        payload === undefined
          ? mapping.candidates
          : mapping.candidates.map((c) => (c instanceof MappingFailure ? c.about(payload) : c)),
      delivery: deliveryOf(provider, mapping),
    });
  }
}
