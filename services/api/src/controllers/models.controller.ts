import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import {
  invalidModelProblemSchema,
  learnReportSchema,
  learnRequestSchema,
  modelAppliedSchema,
  modelBacktestSchema,
  modelDiffSchema,
  modelListSchema,
  modelSchema,
  modelValidationSchema,
  modelVersionDetailSchema,
  modelVersionListSchema,
  type LearnRequest,
  type ModelApplied,
  type ModelBacktest,
  type ModelDiff,
  type ModelLearnReport,
  type ModelList,
  type ModelValidation,
  type ModelVersionDetail,
  type ModelVersionList,
} from '@leadscore/contracts';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { AuthenticatedCaller, type Caller } from '../auth/caller.js';
import { BodyLimit } from '../http/body-limit.js';
import { LEARN_BODY_LIMIT_BYTES, YAML_MEDIA_TYPES } from '../http/http-limits.js';
import { ModelBodyRoute, readModelBody } from '../http/model-body.js';
import { fail } from '../http/problem-details.js';
import { bodyValidator } from '../http/request-body.js';
import { modelNotFound } from '../usecases/model-input.js';
import { Documented, type ParameterDoc, type ResponseDoc } from '../openapi/route-doc.js';
import { ApplyModel } from '../usecases/apply-model.usecase.js';
import { BacktestModel } from '../usecases/backtest-model.usecase.js';
import { DiffModel } from '../usecases/diff-model.usecase.js';
import { GetModelVersion } from '../usecases/get-model-version.usecase.js';
import { LearnModel } from '../usecases/learn-model.usecase.js';
import { ListModelVersions } from '../usecases/list-model-versions.usecase.js';
import { ListModels } from '../usecases/list-models.usecase.js';
import { ValidateModel } from '../usecases/validate-model.usecase.js';

/** The model id pattern of schemas/models/model.schema.json. */
const MODEL_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const VERSION = /^[1-9]\d{0,8}$/;

const parseLearnRequest = bodyValidator<LearnRequest>(
  learnRequestSchema,
  '{"source": "csv", "csv": "Converted,Lead Source\\n1,Webinar\\n...", "mapping": {...}}',
);

const MODEL_BODY = {
  body: modelSchema,
  bodyContentTypes: ['application/yaml', 'application/json'],
} as const;
const INVALID_MODEL: ResponseDoc = {
  description:
    'The model is not valid: `issues` lists every problem with its path, line and column (as the scorer reports them).',
  schema: invalidModelProblemSchema,
  contentType: 'application/problem+json',
};
export const ID_PARAMETER: ParameterDoc = {
  name: 'id',
  in: 'path',
  description: 'The model id.',
  required: true,
  schema: { type: 'string', pattern: MODEL_ID.source },
};

export function modelId(id: string): string {
  // Not a model id at all: answered like an unknown one.
  if (!MODEL_ID.test(id)) modelNotFound(id);
  return id;
}

/**
 * The caller's workspace's scoring models: validate, diff and backtest against the live version, apply
 * (bodies: the model as YAML or JSON, up to 256 KB), list, and read each version; learn points from past
 * leads (a CSV of up to 16 MiB, or the archived contacts with recorded outcomes).
 */
@Controller('v1/models')
@UseGuards(ApiKeyGuard)
export class ModelsController {
  constructor(
    @Inject(ValidateModel) private readonly validateModel: ValidateModel,
    @Inject(DiffModel) private readonly diffModel: DiffModel,
    @Inject(BacktestModel) private readonly backtestModel: BacktestModel,
    @Inject(ApplyModel) private readonly applyModel: ApplyModel,
    @Inject(ListModels) private readonly listModels: ListModels,
    @Inject(ListModelVersions) private readonly listModelVersions: ListModelVersions,
    @Inject(GetModelVersion) private readonly getModelVersion: GetModelVersion,
    @Inject(LearnModel) private readonly learnModel: LearnModel,
  ) {}

  @Post('validate')
  @HttpCode(200)
  @ModelBodyRoute()
  @RequireAnyScope('admin', 'read')
  @Documented({
    summary: 'Validate a scoring model',
    description: `Checks the model exactly as the scorer will (syntax, schema, semantics) for the caller's workspace, without storing anything. An invalid model is a 200 with \`valid: false\` and every problem. Bodies: ${YAML_MEDIA_TYPES.join(', ')} or application/json, at most 256 KB.`,
    tag: 'models',
    ...MODEL_BODY,
    responses: {
      200: {
        description: 'Whether the model is valid, and every problem found.',
        schema: modelValidationSchema,
      },
    },
  })
  validate(
    @AuthenticatedCaller() caller: Caller,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
  ): ModelValidation {
    return this.validateModel.execute(caller, readModelBody(body, contentType));
  }

  @Post('diff')
  @HttpCode(200)
  @ModelBodyRoute()
  @RequireAnyScope('admin', 'read')
  @Documented({
    summary: 'Diff a scoring model against its live version',
    description:
      'Rules added, removed and changed (each changed field with its old and new value) and the other sections that changed, against the live version of the same id (`fromVersion` null when there is none). Nothing is stored.',
    tag: 'models',
    ...MODEL_BODY,
    responses: {
      200: { description: 'What applying the model would change.', schema: modelDiffSchema },
      422: INVALID_MODEL,
    },
  })
  diff(
    @AuthenticatedCaller() caller: Caller,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
  ): Promise<ModelDiff> {
    return this.diffModel.execute(caller, readModelBody(body, contentType));
  }

  @Post('backtest')
  @HttpCode(200)
  @ModelBodyRoute()
  @RequireAnyScope('admin', 'read')
  @Documented({
    summary: 'Backtest a scoring model against its live version on the archived contacts',
    description:
      "Replays every archived contact of the workspace (its events from the archive, oldest first, in contact-key order, at most API_BACKTEST_MAX_CONTACTS: then `truncated`) through the pure engine under the live version of the same id and under the candidate: contacts whose tier, grade or stage move, the new MQLs (with when) and the lost ones, and per model over the contacts with a known outcome (won or converted vs lost, each judged as it stood just before its outcome): conversion per tier, precision, recall and F1 at each of the model's lines, ROC AUC and lift per decile. Nothing is stored or published. The same body as POST /v1/models/diff.",
    tag: 'models',
    ...MODEL_BODY,
    responses: {
      200: { description: 'The two models side by side on the same contacts.', schema: modelBacktestSchema },
      404: {
        description:
          'The model has no live version in this workspace (a backtest compares against it): apply it first.',
        contentType: 'application/problem+json',
      },
      422: INVALID_MODEL,
      503: {
        description: 'The analytics service (the archive) does not answer.',
        contentType: 'application/problem+json',
      },
    },
  })
  backtest(
    @AuthenticatedCaller() caller: Caller,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
  ): Promise<ModelBacktest> {
    return this.backtestModel.execute(caller, readModelBody(body, contentType));
  }

  @Post('learn')
  @HttpCode(200)
  @BodyLimit(LEARN_BODY_LIMIT_BYTES)
  @RequireAnyScope('admin', 'read')
  @Documented({
    summary: 'Learn points from past leads and their outcomes',
    description: `Learns what a model's points should be (libs/learning): leakage checks with the class balance, close-rate points per profile field, an L2 logistic regression fitted on a seeded training split and evaluated on the held-out leads (ROC AUC, accuracy, Brier score, log loss, calibration), and a model YAML to review, then diff, backtest and apply. Nothing is stored. \`source\` csv: the leads are a CRM export sent as \`csv\` text; without a \`mapping\` the answer is still a 200, with \`status\` mapping-proposed, the proposed mapping and no report: review it and send it back with the same CSV. \`source\` contacts: the workspace's archived contacts read as a backtest reads them (every page, merged contacts under their survivor, at most API_BACKTEST_MAX_CONTACTS: then \`contacts.truncated\`), each one's profile built from its identify and update events as the scorer builds it, labelled by its first won/converted (else lost) outcome recorded through POST /v1/contacts/{contact}/outcomes, counting only events before it; contacts without an outcome are left out and counted (\`contacts.unlabelled\`). Bodies: application/json, at most ${LEARN_BODY_LIMIT_BYTES} bytes (16 MiB; larger exports: leadscore model learn FILE.csv, offline).`,
    tag: 'models',
    body: learnRequestSchema,
    responses: {
      200: {
        description:
          'What was learned, with the mapping used and the model YAML; or, for a CSV without a mapping, the proposed mapping.',
        schema: learnReportSchema,
      },
      413: {
        description: `The body is larger than ${LEARN_BODY_LIMIT_BYTES} bytes.`,
        contentType: 'application/problem+json',
      },
      422: {
        description:
          'The CSV, the mapping or the leads cannot be learned from; the detail says why in the words of libs/learning, naming the CSV line (and column) where there is one (also in `errors`).',
        contentType: 'application/problem+json',
      },
      503: {
        description: 'The analytics service (the archive) does not answer (source contacts).',
        contentType: 'application/problem+json',
      },
    },
  })
  learn(@AuthenticatedCaller() caller: Caller, @Body() body: unknown): Promise<ModelLearnReport> {
    return this.learnModel.execute(caller, parseLearnRequest(body));
  }

  @Post()
  @HttpCode(201)
  @ModelBodyRoute()
  @RequireAnyScope('admin', 'models:write')
  @Documented({
    summary: 'Apply a scoring model',
    description:
      "Validates the model, records it with its source text and publishes it on leads.models.v1 (key `<workspace>:<id>`), answering once Kafka acknowledged it; the scorers apply it from there. `workspace` may be left out (the caller's is filled in); another workspace is an issue (422). The version must be above the live one (409). Audited as `model.applied`.",
    tag: 'models',
    ...MODEL_BODY,
    responses: {
      201: { description: 'The version applied and what it changed.', schema: modelAppliedSchema },
      409: {
        description: 'The version is not above the live one; the detail names the live version.',
        contentType: 'application/problem+json',
      },
      422: INVALID_MODEL,
      503: {
        description: 'Kafka did not acknowledge the model; nothing was applied. Retry.',
        contentType: 'application/problem+json',
      },
    },
  })
  apply(
    @AuthenticatedCaller() caller: Caller,
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
  ): Promise<ModelApplied> {
    return this.applyModel.execute(caller, readModelBody(body, contentType));
  }

  @Get()
  @RequireAnyScope('admin', 'read')
  @Documented({
    summary: "List the workspace's models",
    description: "Every model of the caller's workspace with its live version, by id.",
    tag: 'models',
    responses: { 200: { description: 'The models.', schema: modelListSchema } },
  })
  list(@AuthenticatedCaller() caller: Caller): Promise<ModelList> {
    return this.listModels.execute(caller);
  }

  @Get(':id/versions')
  @RequireAnyScope('admin', 'read')
  @Documented({
    summary: 'List the versions of a model',
    description: 'Every recorded version of the model, newest (live) first.',
    tag: 'models',
    parameters: [ID_PARAMETER],
    responses: { 200: { description: 'The versions.', schema: modelVersionListSchema } },
  })
  versions(@AuthenticatedCaller() caller: Caller, @Param('id') id: string): Promise<ModelVersionList> {
    return this.listModelVersions.execute(caller, modelId(id));
  }

  @Get(':id/versions/:version')
  @RequireAnyScope('admin', 'read')
  @Documented({
    summary: 'Get one version of a model',
    description:
      'The version, its document (as published on leads.models.v1) and, when applied through the api, the YAML or JSON text it was sent as. `live` names the live version.',
    tag: 'models',
    parameters: [
      ID_PARAMETER,
      {
        name: 'version',
        in: 'path',
        description: 'A version number, or `live`.',
        required: true,
        schema: {
          oneOf: [
            { type: 'integer', minimum: 1 },
            { type: 'string', enum: ['live'] },
          ],
        },
      },
    ],
    responses: { 200: { description: 'The version.', schema: modelVersionDetailSchema } },
  })
  version(
    @AuthenticatedCaller() caller: Caller,
    @Param('id') id: string,
    @Param('version') version: string,
  ): Promise<ModelVersionDetail> {
    if (version !== 'live' && !VERSION.test(version))
      fail(
        'invalid-request',
        `The version "${version.slice(0, 20)}" is not a version number; use 1, 2, ... or live.`,
        [{ field: 'version', expected: 'a whole number from 1, or live' }],
      );
    return this.getModelVersion.execute(caller, modelId(id), version === 'live' ? 'live' : Number(version));
  }
}
