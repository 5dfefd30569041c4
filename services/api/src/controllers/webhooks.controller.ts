import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import {
  createWebhookRequestSchema,
  rotateWebhookSecretRequestSchema,
  updateWebhookRequestSchema,
  webhookCreatedSchema,
  webhookDeliveryPageSchema,
  webhookListSchema,
  webhookPingResultSchema,
  webhookReplayResultSchema,
  webhookSecretRotatedSchema,
  webhookSubscriptionSchema,
  type CreateWebhookRequest,
  type RotateWebhookSecretRequest,
  type UpdateWebhookRequest,
  type WebhookCreated,
  type WebhookDeliveryPage,
  type WebhookList,
  type WebhookPingResult,
  type WebhookReplayResult,
  type WebhookSecretRotated,
  type WebhookSubscription,
} from '@leadscore/contracts';
import type { WebhookDeliveryStatus } from '@leadscore/persistence';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { AuthenticatedCaller, type Caller } from '../auth/caller.js';
import { Documented, type ParameterDoc } from '../openapi/route-doc.js';
import { fail } from '../http/problem-details.js';
import { wholeNumberParameter } from '../http/query-parameters.js';
import { bodyValidator } from '../http/request-body.js';
import { CreateWebhook } from '../usecases/webhooks/create-webhook.usecase.js';
import { DeleteWebhook } from '../usecases/webhooks/delete-webhook.usecase.js';
import { GetWebhook } from '../usecases/webhooks/get-webhook.usecase.js';
import {
  ListWebhookDeliveries,
  type DeliveryLogQuery,
} from '../usecases/webhooks/list-webhook-deliveries.usecase.js';
import { ListWebhooks } from '../usecases/webhooks/list-webhooks.usecase.js';
import { PingWebhook } from '../usecases/webhooks/ping-webhook.usecase.js';
import { ReplayWebhookDeliveries } from '../usecases/webhooks/replay-webhook-deliveries.usecase.js';
import { RotateWebhookSecret } from '../usecases/webhooks/rotate-webhook-secret.usecase.js';
import { UpdateWebhook } from '../usecases/webhooks/update-webhook.usecase.js';
import { notFound } from '../usecases/webhooks/webhook-subscriptions.js';

export const DEFAULT_DELIVERY_PAGE = 20;
export const MAX_DELIVERY_PAGE = 100;
const DELIVERY_STATUSES: readonly WebhookDeliveryStatus[] = ['pending', 'delivered', 'dead'];
const SUBSCRIPTION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const DELIVERY_ID = /^[1-9]\d{0,17}$/;

const parseCreate = bodyValidator<CreateWebhookRequest>(
  createWebhookRequestSchema,
  '{"url": "https://crm.example.com/hooks", "events": ["stage"], "stages": ["mql", "sql"]}',
);
const parseUpdate = bodyValidator<UpdateWebhookRequest>(
  updateWebhookRequestSchema,
  '{"enabled": false} or {"url": "https://crm.example.com/new-hooks"}',
);
const parseRotate = bodyValidator<RotateWebhookSecretRequest>(
  rotateWebhookSecretRequestSchema,
  '{"overlapSeconds": 3600}',
);

/** The body is optional: none (or an empty one) means `{}`. */
function optionalBody<T>(parse: (raw: unknown) => T, raw: unknown): T | Record<string, never> {
  if (raw === undefined || raw === null || (Buffer.isBuffer(raw) && raw.length === 0)) return {};
  return parse(raw);
}

/** Anything that is not an id at all is answered like an unknown one (404). */
function subscriptionId(id: string): string {
  if (!SUBSCRIPTION_ID.test(id)) notFound(id);
  return id;
}

function deliveryQuery(query: Record<string, unknown>): DeliveryLogQuery {
  const { status, cursor, limit } = query;
  if (status !== undefined && !(DELIVERY_STATUSES as readonly unknown[]).includes(status))
    fail('invalid-request', `?status must be one of ${DELIVERY_STATUSES.join(', ')}, or absent for all.`, [
      { field: '?status', expected: `one of ${DELIVERY_STATUSES.join(', ')}` },
    ]);
  if (cursor !== undefined && (typeof cursor !== 'string' || !DELIVERY_ID.test(cursor)))
    fail('invalid-request', '?cursor must be the nextCursor of the previous page, unchanged.', [
      { field: '?cursor', expected: 'the nextCursor of the previous page' },
    ]);
  const size = wholeNumberParameter(limit, '?limit', 1, MAX_DELIVERY_PAGE, DEFAULT_DELIVERY_PAGE);
  return {
    limit: size,
    ...(typeof status === 'string' ? { status: status as WebhookDeliveryStatus } : {}),
    ...(typeof cursor === 'string' ? { cursor } : {}),
  };
}

const ID_PARAMETER: ParameterDoc = {
  name: 'id',
  in: 'path',
  description: 'The subscription id (`wh_…`).',
  required: true,
  schema: { type: 'string', pattern: SUBSCRIPTION_ID.source },
};
const DELIVERY_PARAMETER: ParameterDoc = {
  name: 'deliveryId',
  in: 'path',
  description: 'The delivery id, from the delivery log.',
  required: true,
  schema: { type: 'string', pattern: DELIVERY_ID.source },
};
const TAG = 'webhooks';

/**
 * CRM webhook subscriptions of the caller's workspace (delivered by threshold): create, change, delete,
 * rotate the secret, ping and replay (admin); list, read and the delivery log (admin or read).
 */
@Controller('v1/webhooks')
@UseGuards(ApiKeyGuard)
export class WebhooksController {
  constructor(
    @Inject(CreateWebhook) private readonly createWebhook: CreateWebhook,
    @Inject(ListWebhooks) private readonly listWebhooks: ListWebhooks,
    @Inject(GetWebhook) private readonly getWebhook: GetWebhook,
    @Inject(UpdateWebhook) private readonly updateWebhook: UpdateWebhook,
    @Inject(DeleteWebhook) private readonly deleteWebhook: DeleteWebhook,
    @Inject(RotateWebhookSecret) private readonly rotateWebhookSecret: RotateWebhookSecret,
    @Inject(PingWebhook) private readonly pingWebhook: PingWebhook,
    @Inject(ListWebhookDeliveries) private readonly listDeliveries: ListWebhookDeliveries,
    @Inject(ReplayWebhookDeliveries) private readonly replayDeliveries: ReplayWebhookDeliveries,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireAnyScope('admin')
  @Documented({
    summary: 'Subscribe a CRM receiver to tier, stage or score changes',
    description:
      'The URL must be, and resolve to, a public address (loopback, private, link-local ... are refused unless the operator sets WEBHOOK_ALLOW_PRIVATE_NETWORKS=true) and use https in production. The `whsec_` signing secret is in this answer only.',
    tag: TAG,
    body: createWebhookRequestSchema,
    responses: {
      201: { description: 'The subscription and its secret, shown this once.', schema: webhookCreatedSchema },
    },
  })
  create(@AuthenticatedCaller() caller: Caller, @Body() body: unknown): Promise<WebhookCreated> {
    return this.createWebhook.execute(caller, parseCreate(body));
  }

  @Get()
  @RequireAnyScope('admin', 'read')
  @Documented({
    summary: 'List the webhook subscriptions',
    tag: TAG,
    responses: { 200: { description: 'Oldest first; never a secret.', schema: webhookListSchema } },
  })
  list(@AuthenticatedCaller() caller: Caller): Promise<WebhookList> {
    return this.listWebhooks.execute(caller);
  }

  @Get(':id')
  @RequireAnyScope('admin', 'read')
  @Documented({
    summary: 'Read a webhook subscription',
    tag: TAG,
    parameters: [ID_PARAMETER],
    responses: {
      200: { description: 'The subscription; never a secret.', schema: webhookSubscriptionSchema },
    },
  })
  get(@AuthenticatedCaller() caller: Caller, @Param('id') id: string): Promise<WebhookSubscription> {
    return this.getWebhook.execute(caller, subscriptionId(id));
  }

  @Patch(':id')
  @RequireAnyScope('admin')
  @Documented({
    summary: 'Change a subscription’s URL, filter, description or enabled flag',
    description: 'A new URL is checked like a new subscription’s. Secrets change only by rotation.',
    tag: TAG,
    body: updateWebhookRequestSchema,
    parameters: [ID_PARAMETER],
    responses: { 200: { description: 'The subscription as changed.', schema: webhookSubscriptionSchema } },
  })
  update(
    @AuthenticatedCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<WebhookSubscription> {
    return this.updateWebhook.execute(caller, subscriptionId(id), parseUpdate(body));
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireAnyScope('admin')
  @Documented({
    summary: 'Delete a subscription, its deliveries and their log',
    tag: TAG,
    parameters: [ID_PARAMETER],
    responses: { 204: { description: 'Deleted.' } },
  })
  async remove(@AuthenticatedCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    await this.deleteWebhook.execute(caller, subscriptionId(id));
  }

  @Post(':id/rotate-secret')
  @HttpCode(200)
  @RequireAnyScope('admin')
  @Documented({
    summary: 'Rotate the signing secret, with an overlap',
    description:
      'The new secret signs from now on; the current one signs beside it until `previousSecretExpiresAt` (default one day; `overlapSeconds` 0 drops it now). The body is optional.',
    tag: TAG,
    body: rotateWebhookSecretRequestSchema,
    parameters: [ID_PARAMETER],
    responses: {
      200: { description: 'The new secret, shown this once.', schema: webhookSecretRotatedSchema },
    },
  })
  rotate(
    @AuthenticatedCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<WebhookSecretRotated> {
    return this.rotateWebhookSecret.execute(caller, subscriptionId(id), optionalBody(parseRotate, body));
  }

  @Post(':id/ping')
  @HttpCode(200)
  @RequireAnyScope('admin')
  @Documented({
    summary: 'Send a signed test event now',
    description:
      'A `webhook.ping` event through the same SSRF guard and signing as every delivery; the answer says what the receiver answered and how fast, or why it was refused. Not logged as a delivery.',
    tag: TAG,
    parameters: [ID_PARAMETER],
    responses: {
      200: { description: 'The receiver’s answer, or the refusal.', schema: webhookPingResultSchema },
      409: {
        description:
          'The subscription’s secret cannot be opened with SETTINGS_ENCRYPTION_KEY (sealed under another key, or changed): rotate it',
      },
    },
  })
  ping(@AuthenticatedCaller() caller: Caller, @Param('id') id: string): Promise<WebhookPingResult> {
    return this.pingWebhook.execute(caller, subscriptionId(id));
  }

  @Get(':id/deliveries')
  @RequireAnyScope('admin', 'read')
  @Documented({
    summary: 'The delivery log: deliveries with every attempt',
    tag: TAG,
    parameters: [
      ID_PARAMETER,
      {
        name: 'status',
        in: 'query',
        description: 'Only deliveries in this status.',
        schema: { type: 'string', enum: [...DELIVERY_STATUSES] },
      },
      {
        name: 'cursor',
        in: 'query',
        description: 'The `nextCursor` of the previous page.',
        schema: { type: 'string', pattern: DELIVERY_ID.source },
      },
      {
        name: 'limit',
        in: 'query',
        description: `Deliveries per page (default ${DEFAULT_DELIVERY_PAGE}).`,
        schema: { type: 'integer', minimum: 1, maximum: MAX_DELIVERY_PAGE },
      },
    ],
    responses: { 200: { description: 'Newest first.', schema: webhookDeliveryPageSchema } },
  })
  deliveries(
    @AuthenticatedCaller() caller: Caller,
    @Param('id') id: string,
    @Query() query: Record<string, unknown>,
  ): Promise<WebhookDeliveryPage> {
    return this.listDeliveries.execute(caller, subscriptionId(id), deliveryQuery(query));
  }

  @Post(':id/deliveries/:deliveryId/replay')
  @HttpCode(200)
  @RequireAnyScope('admin')
  @Documented({
    summary: 'Replay one dead-lettered delivery',
    tag: TAG,
    parameters: [ID_PARAMETER, DELIVERY_PARAMETER],
    responses: {
      200: { description: 'Pending again, due now, same webhook id.', schema: webhookReplayResultSchema },
      409: { description: 'The delivery is not dead-lettered (pending or delivered).' },
    },
  })
  replayOne(
    @AuthenticatedCaller() caller: Caller,
    @Param('id') id: string,
    @Param('deliveryId') deliveryId: string,
  ): Promise<WebhookReplayResult> {
    const subscription = subscriptionId(id);
    if (!DELIVERY_ID.test(deliveryId))
      fail('not-found', `No delivery "${deliveryId.slice(0, 40)}" of webhook subscription ${subscription}.`);
    return this.replayDeliveries.execute(caller, subscription, deliveryId);
  }

  @Post(':id/replay')
  @HttpCode(200)
  @RequireAnyScope('admin')
  @Documented({
    summary: 'Replay every dead-lettered delivery of a subscription',
    tag: TAG,
    parameters: [ID_PARAMETER],
    responses: {
      200: {
        description: 'How many were replayed (0 when none was dead).',
        schema: webhookReplayResultSchema,
      },
    },
  })
  replayAll(@AuthenticatedCaller() caller: Caller, @Param('id') id: string): Promise<WebhookReplayResult> {
    return this.replayDeliveries.execute(caller, subscriptionId(id));
  }
}
