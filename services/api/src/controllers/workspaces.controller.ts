import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import {
  createWorkspaceRequestSchema,
  workspaceCreatedSchema,
  type CreateWorkspaceRequest,
  type WorkspaceCreated,
} from '@leadscore/contracts';
import { OperatorTokenGuard } from '@leadscore/service-kit';
import { bodyValidator } from '../http/request-body.js';
import { Documented } from '../openapi/route-doc.js';
import { CreateWorkspace } from '../usecases/create-workspace.usecase.js';

const parseCreateWorkspace = bodyValidator<CreateWorkspaceRequest>(
  createWorkspaceRequestSchema,
  '{"id": "acme", "name": "ACME Inc."}',
);

/** POST /v1/workspaces: the operator's bootstrap of a workspace and its first admin key. */
@Controller('v1/workspaces')
@UseGuards(OperatorTokenGuard)
export class WorkspacesController {
  constructor(@Inject(CreateWorkspace) private readonly createWorkspace: CreateWorkspace) {}

  @Post()
  @HttpCode(201)
  @Documented({
    tag: 'workspaces',
    auth: 'operator',
    summary: 'Create a workspace and its first admin key (operator)',
    description:
      'Needs `Authorization: Bearer $OPERATOR_TOKEN`; answers 403 while the api runs without OPERATOR_TOKEN. The admin key is in the answer once and never again.',
    body: createWorkspaceRequestSchema,
    responses: {
      201: {
        description: 'The workspace and its first admin key (shown this once)',
        schema: workspaceCreatedSchema,
      },
      409: { description: 'A workspace with this id exists' },
    },
  })
  create(@Body() body: unknown): Promise<WorkspaceCreated> {
    return this.createWorkspace.execute(parseCreateWorkspace(body));
  }
}
