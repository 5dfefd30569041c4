import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, api, errorText, setCsrfToken, setUnauthorizedHandler } from '../api/client';
import type { Session, SignInRequest, User } from '../api/types';
import { can, type Permission } from './roles';

export type SessionState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'error'; message: string }
  | { status: 'signed-in'; user: User; expiresAt: string };

export interface SessionValue {
  state: SessionState;
  user: User | null;
  can: (permission: Permission) => boolean;
  signIn: (input: SignInRequest) => Promise<void>;
  /** After POST /v1/invitations/accept, whose answer is a session. */
  adopt: (session: Session) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const adopt = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', user: session.user, expiresAt: session.expiresAt });
  }, []);

  const forget = useCallback(() => {
    setCsrfToken(null);
    setState({ status: 'anonymous' });
  }, []);

  useEffect(() => {
    let live = true;
    api.get<Session>('/v1/session').then(
      (session) => {
        if (live) adopt(session);
      },
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 401) forget();
        else setState({ status: 'error', message: errorText(error) });
      },
    );
    setUnauthorizedHandler(forget);
    return () => {
      live = false;
      setUnauthorizedHandler(null);
    };
  }, [adopt, forget]);

  const signIn = useCallback(
    async (input: SignInRequest) => {
      adopt(await api.post<Session>('/v1/session', input));
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    try {
      await api.delete('/v1/session');
    } finally {
      forget();
    }
  }, [forget]);

  const value = useMemo<SessionValue>(() => {
    const user = state.status === 'signed-in' ? state.user : null;
    return {
      state,
      user,
      can: (permission) => can(user?.role, permission),
      signIn,
      adopt,
      signOut,
    };
  }, [state, signIn, adopt, signOut]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider');
  return value;
}
