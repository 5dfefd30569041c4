import { Inject, Injectable, SetMetadata, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasAnyScope, type KeyScope } from '@leadscore/access';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiContext } from '../app/api.context.js';
import { API_CONTEXT, API_KEY_AUTHENTICATOR, API_RATE_LIMITS } from '../app/api.tokens.js';
import { ProblemError, fail } from '../http/problem-details.js';
import { ApiKeyAuthenticator } from './api-key.authenticator.js';
import { ApiRateLimits } from './api-rate-limits.js';
import { setCaller } from './caller.js';
import { sessionCaller, sessionTokenOf } from './console-session.js';

const REQUIRED_SCOPES = 'leadscore:required-scopes';

/** The route needs a workspace key holding any one of these scopes. */
export const RequireAnyScope = (...scopes: KeyScope[]) => SetMetadata(REQUIRED_SCOPES, scopes);

/** The scopes @RequireAnyScope put on a handler or controller (the OpenAPI document lists them). */
export function requiredScopesOf(reflector: Reflector, targets: object[]): KeyScope[] | undefined {
  return reflector.getAllAndOverride<KeyScope[] | undefined>(REQUIRED_SCOPES, targets as never);
}

/** The `WWW-Authenticate` challenge of a refused key (RFC 6750). */
const KEY_CHALLENGE = 'Bearer realm="leadscore"';

/**
 * Authenticates the workspace key, or the console session when no key is sent (401; an address that failed too often gets 429 first), takes the
 * request from the key's rate limit (429; quota headers on every answer), then checks the route's
 * scopes (403).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(API_KEY_AUTHENTICATOR) private readonly authenticator: ApiKeyAuthenticator,
    @Inject(API_RATE_LIMITS) private readonly limits: ApiRateLimits,
    @Inject(API_CONTEXT) private readonly context: ApiContext,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const needed = this.reflector.getAllAndOverride<KeyScope[] | undefined>(REQUIRED_SCOPES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!needed) throw new Error('a route guarded by ApiKeyGuard needs @RequireAnyScope(...)');
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    this.limits.admitAddress(request.ip);
    // A key when the request names one; otherwise the console's session cookie, if any.
    const bySession = request.headers.authorization === undefined && sessionTokenOf(request) !== undefined;
    let caller;
    try {
      caller = bySession
        ? await sessionCaller(this.context.dataSource, request, this.context.now())
        : await this.authenticator.authenticate(request.headers.authorization);
    } catch (error) {
      if (error instanceof ProblemError && error.problem.status === 401) {
        this.limits.recordAuthFailure(request.ip);
        if (!bySession) void reply.header('www-authenticate', KEY_CHALLENGE);
      }
      throw error;
    }
    setCaller(request, caller);
    this.limits.admitKey(caller.actor, reply);
    if (!hasAnyScope(caller.scopes, needed))
      fail(
        'forbidden',
        caller.kind === 'user'
          ? `This needs the scope ${needed.map((s) => `"${s}"`).join(' or ')}, which your role does not give (${caller.scopes.map((s) => `"${s}"`).join(', ')}). Ask an admin of your workspace for another role.`
          : `This route needs a key with the scope ${needed.map((s) => `"${s}"`).join(' or ')}; this key has ${caller.scopes.map((s) => `"${s}"`).join(', ')}. Ask an admin of your workspace for a key with that scope.`,
      );
    return true;
  }
}
