import { Body, Controller, Get, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import {
  rescoreListSchema,
  rescoreSchema,
  startRescoreRequestSchema,
  type Rescore,
  type RescoreList,
  type StartRescoreRequest,
} from '@leadscore/contracts';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { AuthenticatedCaller, type Caller } from '../auth/caller.js';
import { bodyValidator } from '../http/request-body.js';
import { Documented, type ParameterDoc, type ResponseDoc } from '../openapi/route-doc.js';
import {
  CancelRescore,
  GetRescore,
  ListRescores,
  ResumeRescore,
  StartRescore,
  rescoreNotFound,
} from '../usecases/rescores.usecase.js';
import { ID_PARAMETER, modelId } from './models.controller.js';

/** A rescore id: a UUID (anything else is answered like an unknown rescore, 404). */
const RESCORE_ID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const parseStart = bodyValidator<StartRescoreRequest>(
  startRescoreRequestSchema,
  '{"dryRun": true, "transitionsPerSecond": 20}',
);

/** The body is optional: none (or an empty one) means `{}` (the live version, for real, at the default pace). */
function startRequest(raw: unknown): StartRescoreRequest {
  if (raw === undefined || raw === null || (Buffer.isBuffer(raw) && raw.length === 0)) return {};
  return parseStart(raw);
}

function rescoreId(id: string): string {
  if (!RESCORE_ID.test(id)) rescoreNotFound(id);
  return id.toLowerCase();
}

const RESCORE_PARAMETER: ParameterDoc = {
  name: 'rescoreId',
  in: 'path',
  description: 'The rescore id (a UUID), as POST /v1/models/{id}/rescores answered it.',
  required: true,
  schema: { type: 'string', format: 'uuid' },
};
const FINISHED_CONFLICT: ResponseDoc = {
  description: 'The rescore is not in a state that allows this; the detail says its status and what to do.',
  contentType: 'application/problem+json',
};
const TAG = 'models';

/**
 * Rescores: every archived contact of the workspace replayed under a model's live version and switched
 * (the scorer's worker runs them, from the `rescores` table). Start (admin or models:write), list and read
 * (admin or read), cancel and resume (admin or models:write).
 */
@Controller('v1')
@UseGuards(ApiKeyGuard)
export class RescoresController {
  constructor(
    @Inject(StartRescore) private readonly startRescore: StartRescore,
    @Inject(ListRescores) private readonly listRescores: ListRescores,
    @Inject(GetRescore) private readonly getRescore: GetRescore,
    @Inject(CancelRescore) private readonly cancelRescore: CancelRescore,
    @Inject(ResumeRescore) private readonly resumeRescore: ResumeRescore,
  ) {}

  @Post('models/:id/rescores')
  @HttpCode(202)
  @RequireAnyScope('admin', 'models:write')
  @Documented({
    summary: 'Rescore every archived contact under the live version',
    description:
      "Queues a rescore of the model's live version (reason `requested`) for the scorers: every archived contact of the workspace is replayed under it and switched, score changes (cause `rescore`) published only for contacts whose scores, tier or stage moved, the transitions paced at `transitionsPerSecond` (default API_RESCORE_TRANSITIONS_PER_SECOND). `dryRun` only counts. The body is optional. Follow it with GET /v1/rescores/{rescoreId}. Audited as `rescore.started`.",
    tag: TAG,
    body: startRescoreRequestSchema,
    parameters: [ID_PARAMETER],
    responses: {
      202: { description: 'The rescore, queued.', schema: rescoreSchema },
      404: {
        description: 'The model has no live version in this workspace: apply it first.',
        contentType: 'application/problem+json',
      },
      409: {
        description:
          'The model has a rescore queued or running already (one at a time): the detail names it and how to cancel it.',
        contentType: 'application/problem+json',
      },
    },
  })
  start(
    @AuthenticatedCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<Rescore> {
    const model = modelId(id);
    return this.startRescore.execute(caller, model, startRequest(body));
  }

  @Get('models/:id/rescores')
  @RequireAnyScope('admin', 'read')
  @Documented({
    summary: "List a model's rescores",
    description: 'The rescores of the model, newest first (at most 50), with their progress and counts.',
    tag: TAG,
    parameters: [ID_PARAMETER],
    responses: { 200: { description: 'The rescores.', schema: rescoreListSchema } },
  })
  list(@AuthenticatedCaller() caller: Caller, @Param('id') id: string): Promise<RescoreList> {
    return this.listRescores.execute(caller, modelId(id));
  }

  @Get('rescores/:rescoreId')
  @RequireAnyScope('admin', 'read')
  @Documented({
    summary: 'Get a rescore',
    description:
      'Its status, progress (contacts done of the archive’s total, the cursor a resume goes on after), counts and the period of history replayed.',
    tag: TAG,
    parameters: [RESCORE_PARAMETER],
    responses: { 200: { description: 'The rescore.', schema: rescoreSchema } },
  })
  get(@AuthenticatedCaller() caller: Caller, @Param('rescoreId') id: string): Promise<Rescore> {
    return this.getRescore.execute(caller, rescoreId(id));
  }

  @Post('rescores/:rescoreId/cancel')
  @HttpCode(200)
  @RequireAnyScope('admin', 'models:write')
  @Documented({
    summary: 'Cancel a rescore',
    description:
      'A queued or running rescore stops before its next switch; the contacts it switched stay switched. POST /v1/rescores/{rescoreId}/resume continues it. Audited as `rescore.cancelled`.',
    tag: TAG,
    parameters: [RESCORE_PARAMETER],
    responses: {
      200: { description: 'The rescore, cancelled.', schema: rescoreSchema },
      409: FINISHED_CONFLICT,
    },
  })
  cancel(@AuthenticatedCaller() caller: Caller, @Param('rescoreId') id: string): Promise<Rescore> {
    return this.cancelRescore.execute(caller, rescoreId(id));
  }

  @Post('rescores/:rescoreId/resume')
  @HttpCode(200)
  @RequireAnyScope('admin', 'models:write')
  @Documented({
    summary: 'Resume a cancelled or failed rescore',
    description:
      'Queues it again: it goes on after its cursor, its counts kept. Refused (409) for any other status, or while the model has another rescore queued or running. Audited as `rescore.resumed`.',
    tag: TAG,
    parameters: [RESCORE_PARAMETER],
    responses: {
      200: { description: 'The rescore, queued again.', schema: rescoreSchema },
      409: FINISHED_CONFLICT,
    },
  })
  resume(@AuthenticatedCaller() caller: Caller, @Param('rescoreId') id: string): Promise<Rescore> {
    return this.resumeRescore.execute(caller, rescoreId(id));
  }
}
