import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SecretDialog } from './Dialog';

/** A page that opens a secret dialog from a button and forgets the secret on close. */
function Page() {
  const [secret, setSecret] = useState<string | null>(null);
  return (
    <main id="main" tabIndex={-1}>
      <button type="button" onClick={() => setSecret('sk_secret_1')}>
        Create key
      </button>
      <button type="button">Elsewhere</button>
      {secret ? (
        <SecretDialog
          title="Key created"
          label="API key"
          secret={secret}
          note="Shown once."
          onClose={() => setSecret(null)}
        />
      ) : null}
    </main>
  );
}

describe('Dialog', () => {
  it('takes the focus when it opens and gives it back to the button that opened it on Done', async () => {
    render(<Page />);
    const user = userEvent.setup();
    const trigger = screen.getByRole('button', { name: 'Create key' });
    await user.click(trigger);
    const dialog = screen.getByRole('dialog', { name: 'Key created' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    expect(dialog).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
    // Closed means gone: the secret is nowhere in the page any more.
    expect(screen.queryByDisplayValue('sk_secret_1')).not.toBeInTheDocument();
  });

  it('closes on Escape, focus back on the trigger', async () => {
    render(<Page />);
    const user = userEvent.setup();
    const trigger = screen.getByRole('button', { name: 'Create key' });
    await user.click(trigger);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(trigger).toHaveFocus();
  });

  it('keeps Tab and Shift+Tab among its own controls', async () => {
    render(<Page />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Create key' }));
    const dialog = screen.getByRole('dialog');
    const input = within(dialog).getByLabelText('API key');
    const done = within(dialog).getByRole('button', { name: 'Done' });
    await user.tab();
    expect(input).toHaveFocus();
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Copy' })).toHaveFocus();
    await user.tab();
    expect(done).toHaveFocus();
    await user.tab();
    expect(input).toHaveFocus();
    await user.tab({ shift: true });
    expect(done).toHaveFocus();
  });

  it('sends the focus to the main region when the trigger is gone', async () => {
    function Vanishing() {
      const [open, setOpen] = useState(false);
      return (
        <main id="main" tabIndex={-1}>
          {open ? (
            <SecretDialog title="Once" label="Secret" secret="s" note="n" onClose={() => setOpen(false)} />
          ) : (
            <button type="button" onClick={() => setOpen(true)}>
              Open
            </button>
          )}
        </main>
      );
    }
    render(<Vanishing />);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await user.keyboard('{Escape}');
    expect(screen.getByRole('main')).toHaveFocus();
  });
});
