import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from './ConfirmButton';

describe('ConfirmButton', () => {
  it('asks first with focus on Cancel, and Cancel brings focus back without acting', async () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmButton
        label="Erase contact"
        question="Erase it?"
        confirmLabel="Yes, erase"
        onConfirm={onConfirm}
      />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Erase contact' }));
    expect(screen.getByRole('group', { name: 'Erase it?' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Erase contact' })).toHaveFocus();
  });

  it('acts once on confirming, busy meanwhile, then focus returns to the button', async () => {
    let finish: () => void = () => undefined;
    const onConfirm = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    render(
      <ConfirmButton label="Revoke" question="Revoke it?" confirmLabel="Yes, revoke" onConfirm={onConfirm} />,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Revoke' }));
    const yes = screen.getByRole('button', { name: 'Yes, revoke' });
    await user.click(yes);
    expect(yes).toHaveAttribute('aria-disabled', 'true');
    await user.click(yes);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    await act(async () => {
      finish();
      await Promise.resolve();
    });
    expect(screen.getByRole('button', { name: 'Revoke' })).toHaveFocus();
  });
});
