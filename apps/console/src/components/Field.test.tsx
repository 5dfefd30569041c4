import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { Field, Select, SelectField } from './Field';

type Colour = 'red' | 'green';

function ColourPicker({ onPick }: { onPick: (colour: Colour | '') => void }) {
  const [colour, setColour] = useState<Colour | ''>('');
  return (
    <SelectField
      label="Colour"
      value={colour}
      options={[{ value: '', label: 'Any colour' }, 'red', { value: 'green', label: 'Green (go)' }]}
      onChange={(value) => {
        setColour(value);
        onPick(value);
      }}
    />
  );
}

describe('Field', () => {
  it('is an input named by its label, reporting its text, with extra attributes passed on', async () => {
    const onChange = vi.fn();
    render(
      <Field label="Email" type="email" required autoComplete="username" value="" onChange={onChange} />,
    );
    const input = screen.getByLabelText('Email');
    expect(input).toHaveAttribute('type', 'email');
    expect(input).toBeRequired();
    expect(input).toHaveAttribute('autocomplete', 'username');
    expect(input).not.toHaveAttribute('aria-describedby');
    await userEvent.setup().type(input, 'a');
    expect(onChange).toHaveBeenCalledWith('a');
  });

  it('gives each field its own id, so two fields of one label stay apart', () => {
    render(
      <>
        <Field label="Name" value="first" onChange={vi.fn()} />
        <Field label="Name" value="second" onChange={vi.fn()} />
      </>,
    );
    const [first, second] = screen.getAllByLabelText('Name');
    expect(first).toHaveValue('first');
    expect(second).toHaveValue('second');
    expect(first?.id).not.toBe(second?.id);
  });

  it('is described by its hint', () => {
    render(
      <Field label="Password" type="password" hint="At least 12 characters." value="" onChange={vi.fn()} />,
    );
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('At least 12 characters.');
  });
});

describe('SelectField and Select', () => {
  it('is a select named by its label, showing option labels and reporting option values', async () => {
    const onPick = vi.fn();
    render(<ColourPicker onPick={onPick} />);
    const select = screen.getByLabelText('Colour');
    expect(select).toHaveValue('');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Any colour',
      'red',
      'Green (go)',
    ]);
    await userEvent.setup().selectOptions(select, 'Green (go)');
    expect(onPick).toHaveBeenLastCalledWith('green');
    expect(select).toHaveValue('green');
  });

  it('reports nothing for a value that is not among its options', () => {
    const onChange = vi.fn();
    render(
      <Select aria-label="Role" value="viewer" options={['viewer', 'admin'] as const} onChange={onChange} />,
    );
    const select = screen.getByRole<HTMLSelectElement>('combobox', { name: 'Role' });
    // A value injected into the DOM (devtools, an extension) is not one of the type's values.
    const stray = document.createElement('option');
    stray.value = 'root';
    select.append(stray);
    select.value = 'root';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect(onChange).not.toHaveBeenCalled();
  });
});
