import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';

/** Nest provider token for the operator token (`OPERATOR_TOKEN`; undefined when unset). */
export const OPERATOR_TOKEN = Symbol('OPERATOR_TOKEN');

/** The `WWW-Authenticate` challenge of a refused operational call (RFC 6750). */
export const OPERATOR_CHALLENGE = 'Bearer realm="leadscore-operations"';

interface HeaderReply {
  header(name: string, value: string): unknown;
}

/** True when `authorization` is `Bearer <token>`; compared in constant time. */
export function operatorTokenMatches(authorization: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  if (!match?.[1]) return false;
  // Digests have one length, so timingSafeEqual never throws and the length is not revealed.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(match[1]), digest(token));
}

/**
 * Guards operational endpoints (a decay pass on demand, ...), which act on every workspace: they need
 * `Authorization: Bearer <OPERATOR_TOKEN>`, and are switched off while OPERATOR_TOKEN is unset.
 * /metrics, /healthz and /readyz are not guarded.
 */
@Injectable()
export class OperatorTokenGuard implements CanActivate {
  constructor(@Inject(OPERATOR_TOKEN) private readonly token: string | undefined) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<{ headers: Record<string, string | string[] | undefined> }>();
    if (this.token === undefined) {
      throw new ForbiddenException(
        'This operational endpoint is switched off: set OPERATOR_TOKEN on the service and send it as "Authorization: Bearer <token>".',
      );
    }
    const header = request.headers['authorization'];
    if (operatorTokenMatches(Array.isArray(header) ? header[0] : header, this.token)) return true;
    http.getResponse<HeaderReply>().header('WWW-Authenticate', OPERATOR_CHALLENGE);
    throw new UnauthorizedException(
      header === undefined
        ? 'This operational endpoint needs "Authorization: Bearer <OPERATOR_TOKEN>" (the token the service was started with).'
        : 'The bearer token is not this service’s OPERATOR_TOKEN.',
    );
  }
}
