import { scopesOfRole } from '@leadscore/access';
import type { ConsoleSession } from '@leadscore/contracts';
import { consoleUserRepository, type DataSource, type SignedInUser } from '@leadscore/persistence';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fail } from '../http/problem-details.js';
import { consoleUserView } from '../usecases/console/console-user.view.js';
import type { Caller } from './caller.js';

/**
 * Console sessions: a random token in an HTTP-only, SameSite=Strict cookie (only its SHA-256 is
 * stored), and a CSRF token per session that every unsafe request made with the cookie must repeat in
 * `X-CSRF-Token` (the synchronizer-token pattern; SameSite alone leaves out older browsers and
 * same-site subdomains). Sessions end 12 hours after sign-in, at sign-out, or when the user is removed;
 * a role change applies from the next request on (the role is read with the session each time).
 */
export const SESSION_COOKIE = 'leadscore_session';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_HOURS = 12;
const TOKEN_BYTES = 32;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const tokenHashOf = (token: string): Buffer => createHash('sha256').update(token).digest();

export interface NewSession {
  /** The cookie's value: never stored. */
  readonly token: string;
  readonly answer: ConsoleSession;
}

/** Starts a session for a user who just proved who they are (sign-in, accepted invitation). */
export async function startSession(
  dataSource: DataSource,
  user: SignedInUser['user'],
  now: Date,
): Promise<NewSession> {
  const token = randomBytes(TOKEN_BYTES).toString('base64url');
  const csrfToken = randomBytes(TOKEN_BYTES).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await dataSource.transaction(async (sql) => {
    await consoleUserRepository.insertSession(sql, {
      tokenHash: tokenHashOf(token),
      userId: user.id,
      csrfToken,
      createdAt: now,
      expiresAt,
    });
    await consoleUserRepository.recordSignIn(sql, user.id, now);
    // A good moment to forget the sessions that ended (there is no other writer of this table).
    await consoleUserRepository.endExpiredSessions(sql, now);
  });
  return {
    token,
    answer: {
      user: consoleUserView({ ...user, lastSignInAt: now }),
      csrfToken,
      expiresAt: expiresAt.toISOString(),
    },
  };
}

export function sessionAnswer(signedIn: SignedInUser): ConsoleSession {
  return {
    user: consoleUserView(signedIn.user),
    csrfToken: signedIn.session.csrfToken,
    expiresAt: signedIn.session.expiresAt.toISOString(),
  };
}

/** The session cookie's token of a request, if it carries one. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const token = request.cookies[SESSION_COOKIE];
  return token && token.length > 0 && token.length <= 100 ? token : undefined;
}

/** `Secure` whenever the request came over https (directly or through a trusted proxy). */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: Date,
): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/',
  });
}

/** Whether the request's X-CSRF-Token is the session's (unsafe methods only need one). */
export function csrfAdmits(request: FastifyRequest, signedIn: SignedInUser): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const given = request.headers[CSRF_HEADER];
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(signedIn.session.csrfToken);
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** The live session of a request's cookie, or undefined. */
export async function signedInOf(
  dataSource: DataSource,
  request: FastifyRequest,
  now: Date,
): Promise<SignedInUser | undefined> {
  const token = sessionTokenOf(request);
  return token === undefined
    ? undefined
    : consoleUserRepository.signedIn(dataSource.manager, tokenHashOf(token), now);
}

const NOT_SIGNED_IN =
  'Not signed in, or your console session ended (12 hours after sign-in, or at sign-out): sign in again with POST /v1/session.';
export const CSRF_MISSING = `A request made with the session cookie that changes something needs the session's CSRF token in the header ${CSRF_HEADER}: the csrfToken of POST /v1/session or GET /v1/session.`;

/**
 * The live session of a request's cookie: 401 when there is none (or it ended), 403 when an unsafe
 * request lacks the session's CSRF token.
 */
export async function requireSession(
  dataSource: DataSource,
  request: FastifyRequest,
  now: Date,
): Promise<SignedInUser> {
  const signedIn = await signedInOf(dataSource, request, now);
  if (!signedIn) return fail('unauthenticated', NOT_SIGNED_IN);
  if (!csrfAdmits(request, signedIn)) fail('forbidden', CSRF_MISSING);
  return signedIn;
}

/** The caller a session cookie makes (for ApiKeyGuard), with its role's scopes. */
export async function sessionCaller(
  dataSource: DataSource,
  request: FastifyRequest,
  now: Date,
): Promise<Caller> {
  const signedIn = await requireSession(dataSource, request, now);
  return {
    workspaceId: signedIn.user.workspaceId,
    actor: `user:${signedIn.user.id}`,
    kind: 'user',
    scopes: scopesOfRole(signedIn.user.role),
  };
}
