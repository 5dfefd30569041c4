/* eslint-disable */
/**
 * generated — do not edit.
 * Source: schemas/api/*.schema.json
 * Regenerate with `npm run codegen` (node tools/codegen/generate-types.mjs).
 */

import { apiKeySchema } from './api-key.schema.js'; // schemas/api/api-key.schema.json
import { auditPageSchema } from './audit-page.schema.js'; // schemas/api/audit-page.schema.json
import { createKeyRequestSchema } from './create-key-request.schema.js'; // schemas/api/create-key-request.schema.json
import { createWebhookRequestSchema } from './create-webhook-request.schema.js'; // schemas/api/create-webhook-request.schema.json
import { createWorkspaceRequestSchema } from './create-workspace-request.schema.js'; // schemas/api/create-workspace-request.schema.json
import { keyCreatedSchema } from './key-created.schema.js'; // schemas/api/key-created.schema.json
import { keyListSchema } from './key-list.schema.js'; // schemas/api/key-list.schema.json
import { problemSchema } from './problem.schema.js'; // schemas/api/problem.schema.json
import { rotateWebhookSecretRequestSchema } from './rotate-webhook-secret-request.schema.js'; // schemas/api/rotate-webhook-secret-request.schema.json
import { updateWebhookRequestSchema } from './update-webhook-request.schema.js'; // schemas/api/update-webhook-request.schema.json
import { webhookCreatedSchema } from './webhook-created.schema.js'; // schemas/api/webhook-created.schema.json
import { webhookDeliveryPageSchema } from './webhook-delivery-page.schema.js'; // schemas/api/webhook-delivery-page.schema.json
import { webhookListSchema } from './webhook-list.schema.js'; // schemas/api/webhook-list.schema.json
import { webhookPingResultSchema } from './webhook-ping-result.schema.js'; // schemas/api/webhook-ping-result.schema.json
import { webhookReplayResultSchema } from './webhook-replay-result.schema.js'; // schemas/api/webhook-replay-result.schema.json
import { webhookSecretRotatedSchema } from './webhook-secret-rotated.schema.js'; // schemas/api/webhook-secret-rotated.schema.json
import { webhookSubscriptionSchema } from './webhook-subscription.schema.js'; // schemas/api/webhook-subscription.schema.json
import { workspaceCreatedSchema } from './workspace-created.schema.js'; // schemas/api/workspace-created.schema.json

/** Every schema of schemas/api/, for resolving `$ref`s by `$id` (the api's OpenAPI document). */
export const apiSchemas: readonly Readonly<Record<string, unknown>>[] = [
  apiKeySchema,
  auditPageSchema,
  createKeyRequestSchema,
  createWebhookRequestSchema,
  createWorkspaceRequestSchema,
  keyCreatedSchema,
  keyListSchema,
  problemSchema,
  rotateWebhookSecretRequestSchema,
  updateWebhookRequestSchema,
  webhookCreatedSchema,
  webhookDeliveryPageSchema,
  webhookListSchema,
  webhookPingResultSchema,
  webhookReplayResultSchema,
  webhookSecretRotatedSchema,
  webhookSubscriptionSchema,
  workspaceCreatedSchema,
];
