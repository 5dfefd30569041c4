import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  UseGuards,
} from '@nestjs/common';
import {
  consoleUserListSchema,
  consoleUserSchema,
  invitationCreatedSchema,
  inviteUserRequestSchema,
  updateUserRequestSchema,
  type ConsoleUser,
  type ConsoleUserList,
  type InvitationCreated,
  type InviteUserRequest,
  type UpdateUserRequest,
} from '@leadscore/contracts';
import { ApiKeyGuard, RequireAnyScope } from '../auth/api-key.guard.js';
import { AuthenticatedCaller, type Caller } from '../auth/caller.js';
import { bodyValidator } from '../http/request-body.js';
import { Documented, type ParameterDoc } from '../openapi/route-doc.js';
import { InviteUser } from '../usecases/console/invite-user.usecase.js';
import {
  ChangeUserRole,
  ListUsers,
  RemoveUser,
  RevokeInvitation,
} from '../usecases/console/manage-users.usecase.js';

const parseInvite = bodyValidator<InviteUserRequest>(
  inviteUserRequestSchema,
  '{"email": "grace@acme.example", "role": "editor"}',
);
const parseUpdate = bodyValidator<UpdateUserRequest>(updateUserRequestSchema, '{"role": "viewer"}');

const idParameter = (description: string): ParameterDoc => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: { type: 'string' },
});

/** The console's people (admin): list, invite, change a role, remove; invitations withdrawn. */
@Controller('v1/users')
@UseGuards(ApiKeyGuard)
export class UsersController {
  constructor(
    @Inject(ListUsers) private readonly listUsers: ListUsers,
    @Inject(InviteUser) private readonly inviteUser: InviteUser,
    @Inject(ChangeUserRole) private readonly changeUserRole: ChangeUserRole,
    @Inject(RemoveUser) private readonly removeUser: RemoveUser,
    @Inject(RevokeInvitation) private readonly revokeInvitation: RevokeInvitation,
  ) {}

  @Get()
  @RequireAnyScope('admin')
  @Documented({
    tag: 'console',
    summary: "List the workspace's console users and open invitations",
    responses: {
      200: { description: 'Users by email, open invitations newest first', schema: consoleUserListSchema },
    },
  })
  list(@AuthenticatedCaller() caller: Caller): Promise<ConsoleUserList> {
    return this.listUsers.execute(caller);
  }

  @Post('invitations')
  @HttpCode(201)
  @RequireAnyScope('admin')
  @Documented({
    tag: 'console',
    summary: 'Invite a colleague to the console',
    description:
      'The token is in the answer once (only its SHA-256 is stored) and expires after 7 days; send the colleague `acceptPath` on the console’s address. An admin key may invite too: that is how a workspace gets its first admin user. Audited as `user.invited`.',
    body: inviteUserRequestSchema,
    responses: {
      201: { description: 'The invitation and its token, shown this once', schema: invitationCreatedSchema },
      409: { description: 'The address already has a user in this workspace' },
    },
  })
  invite(@AuthenticatedCaller() caller: Caller, @Body() body: unknown): Promise<InvitationCreated> {
    return this.inviteUser.execute(caller, parseInvite(body));
  }

  @Delete('invitations/:id')
  @HttpCode(204)
  @RequireAnyScope('admin')
  @Documented({
    tag: 'console',
    summary: 'Withdraw an open invitation',
    description: 'Its link stops working. Audited as `invitation.revoked`.',
    parameters: [idParameter('The invitation id (`inv_…`)')],
    responses: { 204: { description: 'Withdrawn' } },
  })
  async withdraw(@AuthenticatedCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    await this.revokeInvitation.execute(caller, id);
  }

  @Patch(':id')
  @RequireAnyScope('admin')
  @Documented({
    tag: 'console',
    summary: "Change a user's role",
    description:
      'Effective from the user’s next request. The last admin user cannot be demoted (409). Audited as `user.role-changed`.',
    body: updateUserRequestSchema,
    parameters: [idParameter('The user id (`usr_…`)')],
    responses: {
      200: { description: 'The user with the new role', schema: consoleUserSchema },
      409: { description: 'It would leave the workspace without an admin user' },
    },
  })
  update(
    @AuthenticatedCaller() caller: Caller,
    @Param('id') id: string,
    @Body() body: unknown,
  ): Promise<ConsoleUser> {
    return this.changeUserRole.execute(caller, id, parseUpdate(body).role);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequireAnyScope('admin')
  @Documented({
    tag: 'console',
    summary: 'Remove a user',
    description:
      'Their sessions end at once. The last admin user cannot be removed (409). Audited as `user.removed`.',
    parameters: [idParameter('The user id (`usr_…`)')],
    responses: {
      204: { description: 'Removed' },
      409: { description: 'It would leave the workspace without an admin user' },
    },
  })
  async remove(@AuthenticatedCaller() caller: Caller, @Param('id') id: string): Promise<void> {
    await this.removeUser.execute(caller, id);
  }
}
