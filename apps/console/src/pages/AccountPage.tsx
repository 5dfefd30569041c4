import type { ChangePasswordRequest } from '@leadscore/contracts';
import { useState } from 'react';
import { api } from '../api/client';
import { Field } from '../components/Field';
import { SubmitRow } from '../components/SubmitRow';
import { useSubmit } from '../hooks/useSubmit';
import { useTitle } from '../hooks/useTitle';
import { useSession } from '../session/SessionContext';

/** The signed-in person's account: who they are, and a new password (their other sessions end). */
export function AccountPage() {
  useTitle('Your account');
  const { state } = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [changed, setChanged] = useState(false);
  const submit = useSubmit();
  const user = state.status === 'signed-in' ? state.user : undefined;

  return (
    <>
      <h1>Your account</h1>
      {user ? (
        <p>
          {user.name} ({user.email}), {user.role} of workspace {user.workspaceId}.
        </p>
      ) : null}
      <form
        className="stack narrow"
        aria-labelledby="password-title"
        onSubmit={submit.onSubmit(async () => {
          setChanged(false);
          if (next !== confirm) throw new Error('The new passwords do not match.');
          const body: ChangePasswordRequest = { currentPassword: current, newPassword: next };
          await api.post<void>('/v1/session/password', body);
          setCurrent('');
          setNext('');
          setConfirm('');
          setChanged(true);
        })}
      >
        <h2 id="password-title">Change your password</h2>
        <Field
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={setCurrent}
        />
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 12 characters. Your other sessions end; this one stays."
          value={next}
          onChange={setNext}
        />
        <Field
          label="Confirm new password"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={setConfirm}
        />
        <SubmitRow submit={submit} label="Change password" />
        <p role="status">{changed ? 'Password changed. Your other sessions have ended.' : ''}</p>
      </form>
    </>
  );
}
