import { Module, type DynamicModule } from '@nestjs/common';
import { ObservabilityModule, type ReadinessCheck } from '@leadscore/observability';
import { OPERATOR_TOKEN, type TokenBucketRate } from '@leadscore/service-kit';
import type { Registry } from 'prom-client';
import { ApiKeyAuthenticator } from '../auth/api-key.authenticator.js';
import { ApiKeyGuard } from '../auth/api-key.guard.js';
import { ApiRateLimits } from '../auth/api-rate-limits.js';
import { AuditController } from '../controllers/audit.controller.js';
import { KeysController } from '../controllers/keys.controller.js';
import { OutcomesController } from '../controllers/outcomes.controller.js';
import { WorkspacesController } from '../controllers/workspaces.controller.js';
import { CreateKey } from '../usecases/create-key.usecase.js';
import { CreateWorkspace } from '../usecases/create-workspace.usecase.js';
import { ListKeys } from '../usecases/list-keys.usecase.js';
import { ReadAuditLog } from '../usecases/read-audit-log.usecase.js';
import { RecordOutcome } from '../usecases/record-outcome.usecase.js';
import { RevokeKey } from '../usecases/revoke-key.usecase.js';
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

const USE_CASES = [CreateWorkspace, CreateKey, ListKeys, RevokeKey, ReadAuditLog, RecordOutcome] as const;

/** HTTP surface of the api: workspaces, keys, audit log, outcomes; /metrics, /healthz, /readyz. */
@Module({})
export class ApiModule {
  static forRoot(options: ApiModuleOptions): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ObservabilityModule.forRoot({
          service: 'api',
          registry: options.registry,
          readinessChecks: options.readinessChecks,
        }),
      ],
      controllers: [WorkspacesController, KeysController, AuditController, OutcomesController],
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
