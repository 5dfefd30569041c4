import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { KEY_ID_PATTERN } from '@leadscore/access';
import {
  apiKeySchema,
  createKeyRequestSchema,
  keyCreatedSchema,
  keyListSchema,
  type ApiKey,
  type CreateKeyRequest,
  type KeyCreated,
  type KeyList,
} from '@leadscore/contracts';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { AuthenticatedCaller, type Caller } from '../auth/caller.js';
import { fail } from '../http/problem-details.js';
import { bodyValidator } from '../http/request-body.js';
import { Documented } from '../openapi/route-doc.js';
import { CreateKey } from '../usecases/create-key.usecase.js';
import { ListKeys } from '../usecases/list-keys.usecase.js';
import { RevokeKey } from '../usecases/revoke-key.usecase.js';

const parseCreateKey = bodyValidator<CreateKeyRequest>(
  createKeyRequestSchema,
  '{"kind": "secret", "scopes": ["read"], "name": "CRM sync"}',
);

/** The caller's workspace's keys: create (admin), list (admin or read), revoke (admin). */
@Controller('v1/keys')
@UseGuards(ApiKeyGuard)
export class KeysController {
  constructor(
    @Inject(CreateKey) private readonly createKey: CreateKey,
    @Inject(ListKeys) private readonly listKeys: ListKeys,
    @Inject(RevokeKey) private readonly revokeKey: RevokeKey,
  ) {}

  @Post()
  @HttpCode(201)
  @RequireAnyScope('admin')
  @Documented({
    tag: 'keys',
    summary: 'Create a key of this workspace',
    description: 'The whole key is in the answer once; only its SHA-256 is stored.',
    body: createKeyRequestSchema,
    responses: { 201: { description: 'The key, shown this once', schema: keyCreatedSchema } },
  })
  create(@AuthenticatedCaller() caller: Caller, @Body() body: unknown): Promise<KeyCreated> {
    return this.createKey.execute(caller, parseCreateKey(body));
  }

  @Get()
  @RequireAnyScope('admin', 'read')
  @Documented({
    tag: 'keys',
    summary: "List this workspace's keys",
    description: 'Prefix, scopes, creation, revocation and last use of every key; never a key itself.',
    responses: { 200: { description: 'The keys, newest first', schema: keyListSchema } },
  })
  list(@AuthenticatedCaller() caller: Caller): Promise<KeyList> {
    return this.listKeys.execute(caller);
  }

  @Delete(':id')
  @HttpCode(200)
  @RequireAnyScope('admin')
  @Documented({
    tag: 'keys',
    summary: 'Revoke a key',
    description:
      'The key is refused from the next request on (by ingest within INGEST_KEYS_REFRESH_MS). Revoking a revoked key answers it unchanged.',
    parameters: [
      {
        name: 'id',
        in: 'path',
        required: true,
        description: 'The key id (`apiKey.id` of the key list)',
        schema: { type: 'string' },
      },
    ],
    responses: { 200: { description: 'The key, revoked', schema: apiKeySchema } },
  })
  revoke(@AuthenticatedCaller() caller: Caller, @Param('id') id: string): Promise<ApiKey> {
    // Not a key id at all: answered like an unknown one (nothing tells ids of other workspaces apart).
    if (!KEY_ID_PATTERN.test(id))
      fail('not-found', `No key "${id.slice(0, 80)}" in this workspace; GET /v1/keys lists its keys.`);
    return this.revokeKey.execute(caller, id);
  }
}
