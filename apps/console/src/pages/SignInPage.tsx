import { useState, type FormEvent } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import { ErrorMessage } from '../components/ErrorMessage';
import { useTitle } from '../hooks/useTitle';
import { useSession } from '../session/SessionContext';

/** Where to go after signing in: a path of the console only (no other origin). */
export function safeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  useTitle('Sign in');
  const { state, signIn } = useSession();
  const search = useSearch();
  const [, navigate] = useLocation();
  const [workspace, setWorkspace] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(search);

  if (state.status === 'signed-in') return <Redirect to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signIn({ workspace: workspace.trim(), email: email.trim(), password });
      navigate(next, { replace: true });
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
        aria-labelledby="sign-in-title"
      >
        <h1 id="sign-in-title">Sign in to leadscore</h1>
        <label htmlFor="sign-in-workspace">Workspace</label>
        <input
          id="sign-in-workspace"
          name="workspace"
          autoComplete="organization"
          required
          value={workspace}
          onChange={(event) => setWorkspace(event.target.value)}
        />
        <label htmlFor="sign-in-email">Email</label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <label htmlFor="sign-in-password">Password</label>
        <input
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <ErrorMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>
          Sign in
        </button>
      </form>
    </main>
  );
}
