import { Module, type DynamicModule } from '@nestjs/common';
import { ObservabilityModule, type ReadinessCheck } from '@leadscore/observability';
import { OPERATOR_TOKEN } from '@leadscore/service-kit';
import type { Registry } from 'prom-client';
import { ApiKeyAuthenticator } from '../auth/api-key.authenticator.js';
import { ApiKeyGuard } from '../auth/api-key.guard.js';
import { AuditController } from '../controllers/audit.controller.js';
import { KeysController } from '../controllers/keys.controller.js';
import { SettingsController } from '../controllers/settings.controller.js';
import { WorkspacesController } from '../controllers/workspaces.controller.js';
import { CreateKey } from '../usecases/create-key.usecase.js';
import { CreateWorkspace } from '../usecases/create-workspace.usecase.js';
import { ListKeys } from '../usecases/list-keys.usecase.js';
import { ReadAuditLog } from '../usecases/read-audit-log.usecase.js';
import { ReadSettings } from '../usecases/read-settings.usecase.js';
import { RemoveProviderSecret } from '../usecases/remove-provider-secret.usecase.js';
import { RevokeKey } from '../usecases/revoke-key.usecase.js';
import { SetProviderSecret } from '../usecases/set-provider-secret.usecase.js';
import { UpdateSettings } from '../usecases/update-settings.usecase.js';
import type { ApiContext } from './api.context.js';
import { API_CONTEXT, API_KEY_AUTHENTICATOR } from './api.tokens.js';

export interface ApiModuleOptions {
  readonly context: ApiContext;
  /** OPERATOR_TOKEN: POST /v1/workspaces requires it; undefined = that route answers 403. */
  readonly operatorToken: string | undefined;
  readonly registry: Registry;
  readonly readinessChecks: readonly ReadinessCheck[];
}

const USE_CASES = [
  CreateWorkspace,
  CreateKey,
  ListKeys,
  RevokeKey,
  ReadAuditLog,
  ReadSettings,
  UpdateSettings,
  SetProviderSecret,
  RemoveProviderSecret,
] as const;

/** HTTP surface of the api: workspaces, keys, audit log, settings; /metrics, /healthz, /readyz. */
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
      controllers: [WorkspacesController, KeysController, AuditController, SettingsController],
      providers: [
        { provide: API_CONTEXT, useValue: options.context },
        { provide: OPERATOR_TOKEN, useValue: options.operatorToken },
        {
          provide: API_KEY_AUTHENTICATOR,
          useValue: new ApiKeyAuthenticator(options.context.dataSource, options.context.now),
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
