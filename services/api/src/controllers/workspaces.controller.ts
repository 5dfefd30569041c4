import { Body, Controller, HttpCode, Inject, Post, UseGuards } from '@nestjs/common';
import {
  createWorkspaceRequestSchema,
  type CreateWorkspaceRequest,
  type WorkspaceCreated,
} from '@leadscore/contracts';
import { OperatorTokenGuard } from '@leadscore/service-kit';
import { bodyValidator } from '../http/request-body.js';
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
  create(@Body() body: unknown): Promise<WorkspaceCreated> {
    return this.createWorkspace.execute(parseCreateWorkspace(body));
  }
}
