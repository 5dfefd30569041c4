import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { KeyKind, KeyScope, WorkspaceId } from '@leadscore/access';

/** Who is calling: the key's workspace, id, kind and scopes (set by ApiKeyGuard). */
export interface Caller {
  readonly workspaceId: WorkspaceId;
  readonly keyId: string;
  readonly kind: KeyKind;
  readonly scopes: readonly KeyScope[];
}

const callers = new WeakMap<object, Caller>();

export function setCaller(request: object, caller: Caller): void {
  callers.set(request, caller);
}

export function callerOf(request: object): Caller | undefined {
  return callers.get(request);
}

/** The authenticated caller of a route guarded by ApiKeyGuard. */
export const AuthenticatedCaller = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Caller => {
    const caller = callerOf(context.switchToHttp().getRequest<object>());
    if (!caller) throw new Error('AuthenticatedCaller used on a route without ApiKeyGuard');
    return caller;
  },
);
