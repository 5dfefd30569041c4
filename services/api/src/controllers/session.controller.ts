import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  acceptInvitationRequestSchema,
  changePasswordRequestSchema,
  consoleSessionSchema,
  signInRequestSchema,
  type AcceptInvitationRequest,
  type ChangePasswordRequest,
  type ConsoleSession,
  type SignInRequest,
} from '@leadscore/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiContext } from '../app/api.context.js';
import { API_CONTEXT, API_RATE_LIMITS } from '../app/api.tokens.js';
import { ApiRateLimits } from '../auth/api-rate-limits.js';
import {
  CSRF_HEADER,
  CSRF_MISSING,
  clearSessionCookie,
  csrfAdmits,
  requireSession,
  sessionAnswer,
  setSessionCookie,
  signedInOf,
  type NewSession,
} from '../auth/console-session.js';
import { ProblemError, fail } from '../http/problem-details.js';
import { bodyValidator } from '../http/request-body.js';
import { Documented } from '../openapi/route-doc.js';
import { AcceptInvitation } from '../usecases/console/accept-invitation.usecase.js';
import { ChangePassword } from '../usecases/console/change-password.usecase.js';
import { SignIn } from '../usecases/console/sign-in.usecase.js';
import { consoleUserRepository } from '@leadscore/persistence';

const parseSignIn = bodyValidator<SignInRequest>(
  signInRequestSchema,
  '{"workspace": "acme", "email": "ada@acme.example", "password": "a long passphrase"}',
);
const parseAccept = bodyValidator<AcceptInvitationRequest>(
  acceptInvitationRequestSchema,
  '{"token": "inv_…", "name": "Ada Lovelace", "password": "a long passphrase"}',
);

const parseChangePassword = bodyValidator<ChangePasswordRequest>(
  changePasswordRequestSchema,
  '{"currentPassword": "the one you have", "newPassword": "a new long passphrase"}',
);

const SESSION_ANSWER = {
  description:
    'Signed in: the user and the CSRF token; the session is the HTTP-only cookie `leadscore_session` (Set-Cookie)',
  schema: consoleSessionSchema,
};

/**
 * People sign in to the console with a password and get a session cookie (console-session.ts); keys
 * stay for machines. Failed sign-ins count against the client address like failed key authentications
 * (429 past the limit).
 */
@Controller('v1')
export class SessionController {
  constructor(
    @Inject(SignIn) private readonly signIn: SignIn,
    @Inject(AcceptInvitation) private readonly acceptInvitation: AcceptInvitation,
    @Inject(ChangePassword) private readonly changePasswordOf: ChangePassword,
    @Inject(API_RATE_LIMITS) private readonly limits: ApiRateLimits,
    @Inject(API_CONTEXT) private readonly context: ApiContext,
  ) {}

  @Post('session')
  @HttpCode(200)
  @Documented({
    tag: 'console',
    auth: 'public',
    summary: 'Sign in to the console',
    description:
      'Checks the password (scrypt) of the workspace user with this email and starts a 12-hour session: an HTTP-only, SameSite=Strict cookie, plus a CSRF token that every unsafe request made with the cookie must send as `X-CSRF-Token`. A wrong workspace, email or password is one answer (401); repeated failures from an address are answered 429.',
    body: signInRequestSchema,
    responses: {
      200: SESSION_ANSWER,
      401: { description: 'Wrong workspace, email or password' },
      429: { description: 'Too many failed sign-ins from this address: wait `Retry-After` seconds' },
    },
  })
  async create(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<ConsoleSession> {
    this.limits.admitAddress(request.ip);
    const credentials = parseSignIn(body);
    let started: NewSession;
    try {
      started = await this.signIn.execute(credentials);
    } catch (error) {
      if (error instanceof ProblemError && error.problem.status === 401)
        this.limits.recordAuthFailure(request.ip);
      throw error;
    }
    setSessionCookie(request, reply, started.token, new Date(started.answer.expiresAt));
    return started.answer;
  }

  @Get('session')
  @Documented({
    tag: 'console',
    auth: 'session',
    summary: 'Who is signed in',
    description:
      'The session of the `leadscore_session` cookie: the user (with their role as it is now) and the CSRF token — how the console picks up a session after a reload.',
    responses: { 200: { description: 'The session', schema: consoleSessionSchema } },
  })
  async read(@Req() request: FastifyRequest): Promise<ConsoleSession> {
    return sessionAnswer(await requireSession(this.context.dataSource, request, this.context.now()));
  }

  @Delete('session')
  @HttpCode(204)
  @Documented({
    tag: 'console',
    auth: 'session',
    summary: 'Sign out',
    description: `Ends the session of the cookie (needs its \`${CSRF_HEADER}\`) and clears the cookie. Without a live session there is nothing to end: 204 as well.`,
    responses: { 204: { description: 'Signed out' } },
  })
  async remove(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const signedIn = await signedInOf(this.context.dataSource, request, this.context.now());
    // Without a live session there is nothing to end (204 all the same); with one, it takes its CSRF token.
    if (signedIn) {
      if (!csrfAdmits(request, signedIn)) fail('forbidden', CSRF_MISSING);
      await consoleUserRepository.endSession(this.context.dataSource.manager, signedIn.session.tokenHash);
    }
    clearSessionCookie(request, reply);
  }

  @Post('session/password')
  @HttpCode(204)
  @Documented({
    tag: 'console',
    auth: 'session',
    summary: 'Change your password',
    description: `The signed-in person's: the current password too (403 when wrong), the new one at least 12 characters (400). Every other session of theirs ends; this one stays. Needs the session's \`${CSRF_HEADER}\`. Audited as \`user.password-changed\`.`,
    body: changePasswordRequestSchema,
    responses: { 204: { description: 'Changed' } },
  })
  async changePassword(@Req() request: FastifyRequest, @Body() body: unknown): Promise<void> {
    const signedIn = await requireSession(this.context.dataSource, request, this.context.now());
    await this.changePasswordOf.execute(signedIn, parseChangePassword(body));
  }

  @Post('invitations/accept')
  @HttpCode(201)
  @Documented({
    tag: 'console',
    auth: 'public',
    summary: 'Accept an invitation to the console',
    description:
      'The invited person sets their name and a password (at least 12 characters) and is signed in, with the role the invitation gave. An invitation is used once and expires after 7 days.',
    body: acceptInvitationRequestSchema,
    responses: {
      201: SESSION_ANSWER,
      404: { description: 'Unknown, withdrawn or expired invitation' },
      409: { description: 'Already accepted, or the address already has a user' },
    },
  })
  async accept(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body() body: unknown,
  ): Promise<ConsoleSession> {
    this.limits.admitAddress(request.ip);
    let started: NewSession;
    try {
      started = await this.acceptInvitation.execute(parseAccept(body));
    } catch (error) {
      // Guessing invitation tokens counts like guessing keys.
      if (error instanceof ProblemError && error.problem.status === 404)
        this.limits.recordAuthFailure(request.ip);
      throw error;
    }
    setSessionCookie(request, reply, started.token, new Date(started.answer.expiresAt));
    return started.answer;
  }
}
