import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Put,
  UseGuards,
} from '@nestjs/common';
import { WEBHOOK_PROVIDERS, isWebhookProvider, type WebhookProvider } from '@leadscore/access';
import {
  providerSecretRequestSchema,
  providerSecretStatusSchema,
  updateSettingsRequestSchema,
  workspaceSettingsSchema,
  type ProviderSecretRequest,
  type ProviderSecretStatus,
  type UpdateSettingsRequest,
  type WorkspaceSettings,
} from '@leadscore/contracts';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { AuthenticatedCaller, type Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { bodyValidator } from '../http/request-body.js';
import { Documented, type ParameterDoc } from '../openapi/route-doc.js';
import { ReadSettings } from '../usecases/read-settings.usecase.js';
import { RemoveProviderSecret } from '../usecases/remove-provider-secret.usecase.js';
import { SetProviderSecret } from '../usecases/set-provider-secret.usecase.js';
import { UpdateSettings } from '../usecases/update-settings.usecase.js';

const parseUpdateSettings = bodyValidator<UpdateSettingsRequest>(
  updateSettingsRequestSchema,
  '{"timeZone": "Europe/Berlin", "defaultCountry": "DE", "trackingFormFields": ["email", "company"]}',
);
const parseProviderSecret = bodyValidator<ProviderSecretRequest>(
  providerSecretRequestSchema,
  '{"secret": "<the auth token, secret token or signing key the provider shows>"}',
);

const PROVIDER_PARAMETER: ParameterDoc = {
  name: 'provider',
  in: 'path',
  description: 'The provider whose webhook secret this is.',
  required: true,
  schema: { type: 'string', enum: [...WEBHOOK_PROVIDERS] },
};

function providerOf(name: string): WebhookProvider {
  if (!isWebhookProvider(name))
    fail(
      'not-found',
      `No provider "${name.slice(0, 40)}"; the providers with webhook secrets are ${WEBHOOK_PROVIDERS.join(', ')}.`,
    );
  return name;
}

/**
 * The caller's workspace's settings: read (admin or read), change (admin); provider webhook secrets
 * set and removed (admin), never shown whole.
 */
@Controller('v1/settings')
@UseGuards(ApiKeyGuard)
export class SettingsController {
  constructor(
    @Inject(ReadSettings) private readonly readSettings: ReadSettings,
    @Inject(UpdateSettings) private readonly updateSettings: UpdateSettings,
    @Inject(SetProviderSecret) private readonly setProviderSecret: SetProviderSecret,
    @Inject(RemoveProviderSecret) private readonly removeProviderSecret: RemoveProviderSecret,
  ) {}

  @Get()
  @RequireAnyScope('admin', 'read')
  @Documented({
    summary: "The workspace's settings",
    description:
      'Time zone, default phone country, tracking form fields, and for each provider whether its webhook secret is set (with its last 4 characters): never the secret.',
    tag: 'settings',
    responses: { 200: { description: 'The settings.', schema: workspaceSettingsSchema } },
  })
  read(@AuthenticatedCaller() caller: Caller): Promise<WorkspaceSettings> {
    return this.readSettings.execute(caller);
  }

  @Patch()
  @HttpCode(200)
  @RequireAnyScope('admin')
  @Documented({
    summary: "Change the workspace's settings",
    description:
      'Fields left out stay as they are; null unsets one. The time zone must be an IANA name, the country an ISO 3166 alpha-2 code with a known phone numbering plan; tracking form fields never name passwords, tokens or payment fields. Ingest applies the country within one reload (INGEST_KEYS_REFRESH_MS), decay the time zone at its next check. Audited as `settings.changed`.',
    tag: 'settings',
    body: updateSettingsRequestSchema,
    responses: { 200: { description: 'The settings after the change.', schema: workspaceSettingsSchema } },
  })
  update(@AuthenticatedCaller() caller: Caller, @Body() body: unknown): Promise<WorkspaceSettings> {
    return this.updateSettings.execute(caller, parseUpdateSettings(body));
  }

  @Put('providers/:provider')
  @HttpCode(200)
  @RequireAnyScope('admin')
  @Documented({
    summary: "Set or rotate a provider's webhook secret",
    description:
      "Stored encrypted (AES-256-GCM under SETTINGS_ENCRYPTION_KEY) and never shown again; ingest checks the provider's webhook signatures with it from its next reload on. SendGrid's must be its verification key (base64 DER, ECDSA P-256). Audited as `provider-secret.set`, without the secret.",
    tag: 'settings',
    body: providerSecretRequestSchema,
    parameters: [PROVIDER_PARAMETER],
    responses: { 200: { description: 'The secret is set: its hint.', schema: providerSecretStatusSchema } },
  })
  setSecret(
    @AuthenticatedCaller() caller: Caller,
    @Param('provider') provider: string,
    @Body() body: unknown,
  ): Promise<ProviderSecretStatus> {
    const known = providerOf(provider);
    return this.setProviderSecret.execute(caller, known, parseProviderSecret(body));
  }

  @Delete('providers/:provider')
  @HttpCode(200)
  @RequireAnyScope('admin')
  @Documented({
    summary: "Remove a provider's webhook secret",
    description:
      "From ingest's next reload on, the provider's webhooks are checked with ingest's bootstrap secret (INGEST_WORKSPACES), or refused when it has none. Removing a secret that is not set changes nothing. Audited as `provider-secret.removed`.",
    tag: 'settings',
    parameters: [PROVIDER_PARAMETER],
    responses: { 200: { description: 'The secret is not set.', schema: providerSecretStatusSchema } },
  })
  removeSecret(
    @AuthenticatedCaller() caller: Caller,
    @Param('provider') provider: string,
  ): Promise<ProviderSecretStatus> {
    return this.removeProviderSecret.execute(caller, providerOf(provider));
  }
}
