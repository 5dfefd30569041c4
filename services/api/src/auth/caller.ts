import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { KeyKind, KeyScope, WorkspaceId } from '@leadscore/access';

/**
 * Who is calling (set by ApiKeyGuard): a workspace key, or a person signed in to the console, whose
 * role gives the scopes. `actor` is what the audit log records: the key id, or `user:<id>`.
 */
export interface Caller {
  readonly workspaceId: WorkspaceId;
  readonly actor: string;
  readonly kind: KeyKind | 'user';
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
