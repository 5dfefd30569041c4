import { useState } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import { Field } from '../components/Field';
import { SubmitRow } from '../components/SubmitRow';
import { useSubmit } from '../hooks/useSubmit';
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
  const submit = useSubmit();
  const next = safeNext(search);

  if (state.status === 'signed-in') return <Redirect to={next} replace />;

  return (
    <main id="main" className="auth-page">
      <form
        className="auth-card stack"
        onSubmit={submit.onSubmit(async () => {
          await signIn({ workspace: workspace.trim(), email: email.trim(), password });
          navigate(next, { replace: true });
        })}
        aria-labelledby="sign-in-title"
      >
        <h1 id="sign-in-title">Sign in to leadscore</h1>
        <Field
          label="Workspace"
          name="workspace"
          autoComplete="organization"
          required
          value={workspace}
          onChange={setWorkspace}
        />
        <Field
          label="Email"
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={setEmail}
        />
        <Field
          label="Password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={setPassword}
        />
        <SubmitRow submit={submit} label="Sign in" />
      </form>
    </main>
  );
}
