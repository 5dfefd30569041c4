import { useState } from 'react';
import { useLocation } from 'wouter';
import { api } from '../api/client';
import type { AcceptInvitationRequest, Session } from '../api/types';
import { Field } from '../components/Field';
import { SubmitRow } from '../components/SubmitRow';
import { useSubmit } from '../hooks/useSubmit';
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
  const submit = useSubmit();

  const accept = async () => {
    if (!token) return;
    if (password !== confirm) throw new Error('The passwords do not match.');
    const body: AcceptInvitationRequest = { token, name: name.trim(), password };
    adopt(await api.post<Session>('/v1/invitations/accept', body));
    navigate('/', { replace: true });
  };

  return (
    <main id="main" className="auth-page">
      <form className="auth-card stack" onSubmit={submit.onSubmit(accept)} aria-labelledby="accept-title">
        <h1 id="accept-title">Accept your invitation</h1>
        {token ? (
          <>
            <p>Choose your name and a password of at least 12 characters.</p>
            <Field label="Name" autoComplete="name" required value={name} onChange={setName} />
            <Field
              label="Password"
              type="password"
              autoComplete="new-password"
              required
              hint="At least 12 characters."
              value={password}
              onChange={setPassword}
            />
            <Field
              label="Confirm password"
              type="password"
              autoComplete="new-password"
              required
              value={confirm}
              onChange={setConfirm}
            />
            <SubmitRow submit={submit} label="Create account" />
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
