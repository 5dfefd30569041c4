import { Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { ObservabilityModule, type ReadinessCheck } from '@leadscore/observability';
import { OPERATOR_TOKEN, type TokenBucketRate } from '@leadscore/service-kit';
import type { Registry } from 'prom-client';
import { ApiKeyAuthenticator } from '../auth/api-key.authenticator.js';
import { ApiKeyGuard } from '../auth/api-key.guard.js';
import { ApiRateLimits } from '../auth/api-rate-limits.js';
import { AuditController } from '../controllers/audit.controller.js';
import { KeysController } from '../controllers/keys.controller.js';
import { WebhooksController } from '../controllers/webhooks.controller.js';
import { ModelsController } from '../controllers/models.controller.js';
import { RescoresController } from '../controllers/rescores.controller.js';
import { ContactsController } from '../controllers/contacts.controller.js';
import { ScoresController } from '../controllers/scores.controller.js';
import { AccountsController } from '../controllers/accounts.controller.js';
import { ArchiveController } from '../controllers/archive.controller.js';
import { SettingsController } from '../controllers/settings.controller.js';
import { OutcomesController } from '../controllers/outcomes.controller.js';
import { WorkspacesController } from '../controllers/workspaces.controller.js';
import { OpenApiController } from '../openapi/openapi.controller.js';
import { PipelineController } from '../pipeline/pipeline.controller.js';
import { ReadPipelineHealth } from '../pipeline/read-pipeline-health.usecase.js';
import { SessionController } from '../controllers/session.controller.js';
import { UsersController } from '../controllers/users.controller.js';
import { AcceptInvitation } from '../usecases/console/accept-invitation.usecase.js';
import { ChangePassword } from '../usecases/console/change-password.usecase.js';
import { InviteUser } from '../usecases/console/invite-user.usecase.js';
import {
  ChangeUserRole,
  ListUsers,
  RemoveUser,
  RevokeInvitation,
} from '../usecases/console/manage-users.usecase.js';
import { SignIn } from '../usecases/console/sign-in.usecase.js';
import { ReadContactLifecycle } from '../usecases/read-contact-lifecycle.usecase.js';
import { CreateKey } from '../usecases/create-key.usecase.js';
import { CreateWorkspace } from '../usecases/create-workspace.usecase.js';
import { ListWorkspaces } from '../usecases/list-workspaces.usecase.js';
import { ReadArchive } from '../usecases/read-archive.usecase.js';
import { ListKeys } from '../usecases/list-keys.usecase.js';
import { ApplyModel } from '../usecases/apply-model.usecase.js';
import { DiffModel } from '../usecases/diff-model.usecase.js';
import { BacktestModel } from '../usecases/backtest-model.usecase.js';
import { LearnModel } from '../usecases/learn-model.usecase.js';
import { GetModelVersion } from '../usecases/get-model-version.usecase.js';
import { ListModelVersions } from '../usecases/list-model-versions.usecase.js';
import { ListModels } from '../usecases/list-models.usecase.js';
import { ValidateModel } from '../usecases/validate-model.usecase.js';
import {
  CancelRescore,
  GetRescore,
  ListRescores,
  ResumeRescore,
  StartRescore,
} from '../usecases/rescores.usecase.js';
import { ReadAuditLog } from '../usecases/read-audit-log.usecase.js';
import { ReadSettings } from '../usecases/read-settings.usecase.js';
import { RemoveProviderSecret } from '../usecases/remove-provider-secret.usecase.js';
import { RecordOutcome } from '../usecases/record-outcome.usecase.js';
import { ReadContactScores } from '../usecases/read-contact-scores.usecase.js';
import { EraseContact } from '../usecases/erase-contact.usecase.js';
import { ExportContact } from '../usecases/export-contact.usecase.js';
import { ReadLeaderboard } from '../usecases/read-leaderboard.usecase.js';
import { ReadAccount } from '../usecases/read-account.usecase.js';
import { ReadAccountLeaderboard } from '../usecases/read-account-leaderboard.usecase.js';
import { ReadAccountMembers } from '../usecases/read-account-members.usecase.js';
import { ReadScoreDistribution } from '../usecases/read-score-distribution.usecase.js';
import { RevokeKey } from '../usecases/revoke-key.usecase.js';
import { CreateWebhook } from '../usecases/webhooks/create-webhook.usecase.js';
import { DeleteWebhook } from '../usecases/webhooks/delete-webhook.usecase.js';
import { GetWebhook } from '../usecases/webhooks/get-webhook.usecase.js';
import { ListWebhookDeliveries } from '../usecases/webhooks/list-webhook-deliveries.usecase.js';
import { ListWebhooks } from '../usecases/webhooks/list-webhooks.usecase.js';
import { PingWebhook } from '../usecases/webhooks/ping-webhook.usecase.js';
import { ReplayWebhookDeliveries } from '../usecases/webhooks/replay-webhook-deliveries.usecase.js';
import { RotateWebhookSecret } from '../usecases/webhooks/rotate-webhook-secret.usecase.js';
import { UpdateWebhook } from '../usecases/webhooks/update-webhook.usecase.js';
import { SetProviderSecret } from '../usecases/set-provider-secret.usecase.js';
import { UpdateSettings } from '../usecases/update-settings.usecase.js';
import type { ApiContext } from './api.context.js';
import { API_CONTEXT, API_KEY_AUTHENTICATOR, API_RATE_LIMITS } from './api.tokens.js';

export interface ApiModuleOptions {
  readonly context: ApiContext;
  /** OPERATOR_TOKEN: POST /v1/workspaces requires it; undefined = that route answers 403. */
  readonly operatorToken: string | undefined;
  readonly registry: Registry;
  readonly readinessChecks: readonly ReadinessCheck[];
  /** Requests per API key (API_RATE_LIMIT_PER_SECOND, API_RATE_LIMIT_BURST), per instance. */
  readonly rateLimit: TokenBucketRate;
  /** Failed authentications per client address (default AUTH_FAILURE_RATE). */
  readonly authFailureRate?: TokenBucketRate;
}

const USE_CASES = [
  ReadArchive,
  CreateWorkspace,
  ListWorkspaces,
  CreateKey,
  ListKeys,
  RevokeKey,
  ReadAuditLog,
  CreateWebhook,
  ListWebhooks,
  GetWebhook,
  UpdateWebhook,
  DeleteWebhook,
  RotateWebhookSecret,
  PingWebhook,
  ListWebhookDeliveries,
  ReplayWebhookDeliveries,
  ValidateModel,
  DiffModel,
  BacktestModel,
  LearnModel,
  ApplyModel,
  ListModels,
  ListModelVersions,
  GetModelVersion,
  StartRescore,
  ListRescores,
  GetRescore,
  CancelRescore,
  ResumeRescore,
  ReadSettings,
  UpdateSettings,
  SetProviderSecret,
  RemoveProviderSecret,
  RecordOutcome,
  ReadContactScores,
  EraseContact,
  ExportContact,
  ReadLeaderboard,
  ReadScoreDistribution,
  ReadAccountLeaderboard,
  ReadAccount,
  ReadAccountMembers,
  ReadContactLifecycle,
  SignIn,
  AcceptInvitation,
  ChangePassword,
  InviteUser,
  ListUsers,
  ChangeUserRole,
  RemoveUser,
  RevokeInvitation,
  ReadPipelineHealth,
] as const;

/**
 * HTTP surface of the api: workspaces, keys, settings, audit log, webhook subscriptions, models,
 * outcomes, contacts, leaderboards and accounts; /openapi.json and /docs; /metrics, /healthz, /readyz.
 */
@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        DiscoveryModule,
        ObservabilityModule.forRoot({
          service: 'api',
          registry: options.registry,
          readinessChecks: options.readinessChecks,
        }),
      ],
      controllers: [
        WorkspacesController,
        KeysController,
        SettingsController,
        AuditController,
        WebhooksController,
        ModelsController,
        RescoresController,
        OutcomesController,
        ContactsController,
        ScoresController,
        AccountsController,
        ArchiveController,
        SessionController,
        UsersController,
        PipelineController,
        OpenApiController,
      ],
      providers: [
        { provide: API_CONTEXT, useValue: options.context },
        { provide: OPERATOR_TOKEN, useValue: options.operatorToken },
        {
          provide: API_KEY_AUTHENTICATOR,
          useValue: new ApiKeyAuthenticator(options.context.dataSource, options.context.now),
        },
        {
          provide: API_RATE_LIMITS,
          useValue: new ApiRateLimits(options.rateLimit, options.context.now, options.authFailureRate),
        },
        ApiKeyGuard,
        ...USE_CASES.map((useCase) => ({
          provide: useCase,
          useFactory: (context: ApiContext) => new useCase(context),
          inject: [API_CONTEXT],
        })),
      ],
    };
  }
}
