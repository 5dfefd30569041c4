import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { api } from '../api/client';
import type { AcceptInvitationRequest, Session } from '../api/types';
import { ErrorMessage } from '../components/ErrorMessage';
import { useTitle } from '../hooks/useTitle';
import { useSession } from '../session/SessionContext';

/** The invitation token travels in the fragment (#token=…), which browsers never send to a server. */
export function tokenFromHash(hash: string): string | null {
  return new URLSearchParams(hash.replace(/^#/, '')).get('token');
}

export function AcceptPage() {
  useTitle('Accept invitation');
  const { adopt } = useSession();
  const [, navigate] = useLocation();
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== confirm) {
      setError(new Error('The passwords do not match.'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body: AcceptInvitationRequest = { token: token ?? '', name: name.trim(), password };
      const session = await api.post<Session>('/v1/invitations/accept', body);
      adopt(session);
      navigate('/', { replace: true });
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="auth-page">
      <form
        className="auth-card stack"
        onSubmit={(event) => void submit(event)}
        aria-labelledby="accept-title"
      >
        <h1 id="accept-title">Accept your invitation</h1>
        {token ? (
          <>
            <p>Choose your name and a password of at least 12 characters.</p>
            <label htmlFor="accept-name">Name</label>
            <input
              id="accept-name"
              autoComplete="name"
              required
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
            <label htmlFor="accept-password">Password</label>
            <input
              id="accept-password"
              type="password"
              autoComplete="new-password"
              required
              aria-describedby="accept-password-hint"
              value={password}
              onChange={(event) => setPassword(event.target.value)}
            />
            <p id="accept-password-hint" className="hint">
              At least 12 characters.
            </p>
            <label htmlFor="accept-confirm">Confirm password</label>
            <input
              id="accept-confirm"
              type="password"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={(event) => setConfirm(event.target.value)}
            />
            <ErrorMessage error={error} />
            <button type="submit" className="primary" disabled={busy}>
              Create account
            </button>
          </>
        ) : (
          <div className="error" role="alert">
            This link has no invitation token. Open the full link you were given.
          </div>
        )}
      </form>
    </main>
  );
}
