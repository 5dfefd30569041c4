import { Body, Controller, Get, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import {
  createWorkspaceRequestSchema,
  workspaceCreatedSchema,
  workspaceListSchema,
  type CreateWorkspaceRequest,
  type WorkspaceCreated,
  type WorkspaceList,
} from '@leadscore/contracts';
import { OperatorTokenGuard } from '@leadscore/service-kit';
import { bodyValidator } from '../http/request-body.js';
import { Documented } from '../openapi/route-doc.js';
import { CreateWorkspace } from '../usecases/create-workspace.usecase.js';
import { ListWorkspaces } from '../usecases/list-workspaces.usecase.js';

const parseCreateWorkspace = bodyValidator<CreateWorkspaceRequest>(
  createWorkspaceRequestSchema,
  '{"id": "acme", "name": "ACME Inc."}',
);

/** /v1/workspaces (operator): the bootstrap of a workspace and its first admin key, and the list of them. */
@Controller('v1/workspaces')
@UseGuards(OperatorTokenGuard)
export class WorkspacesController {
  constructor(
    @Inject(CreateWorkspace) private readonly createWorkspace: CreateWorkspace,
    @Inject(ListWorkspaces) private readonly listWorkspaces: ListWorkspaces,
  ) {}

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

  @Get()
  @Documented({
    tag: 'workspaces',
    auth: 'operator',
    summary: 'List every workspace (operator)',
    description:
      'Needs `Authorization: Bearer $OPERATOR_TOKEN`; answers 403 while the api runs without OPERATOR_TOKEN. Workspace keys cannot list workspaces: a key sees its own workspace only.',
    responses: { 200: { description: 'Every workspace, by id', schema: workspaceListSchema } },
  })
  list(): Promise<WorkspaceList> {
    return this.listWorkspaces.execute();
  }
}
