import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'>;

/** A labelled text input: the label names it, an optional hint describes it. */
export function Field({
  label,
  hint,
  value,
  onChange,
  ...input
}: InputProps & {
  label: string;
  hint?: ReactNode;
  value: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        {...input}
        id={id}
        aria-describedby={hint ? hintId : undefined}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
      {hint ? (
        <p id={hintId} className="hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** An option of a select: the value itself, or a value with the text people read. */
export type SelectOption<T extends string> = T | { value: T; label: string };

const optionValue = <T extends string>(option: SelectOption<T>): T =>
  typeof option === 'string' ? option : option.value;
const optionLabel = <T extends string>(option: SelectOption<T>): string =>
  typeof option === 'string' ? option : option.label;

type SelectProps<T extends string> = Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange' | 'children'
> & {
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
};

/**
 * A select over a closed set of values: what it reports is one of `options`, found again rather than cast
 * from the DOM's string (a value not among them is ignored).
 */
export function Select<T extends string>({ value, options, onChange, ...select }: SelectProps<T>) {
  return (
    <select
      {...select}
      value={value}
      onChange={(event) => {
        const chosen = options.find((option) => optionValue(option) === event.target.value);
        if (chosen !== undefined) onChange(optionValue(chosen));
      }}
    >
      {options.map((option) => (
        <option key={optionValue(option)} value={optionValue(option)}>
          {optionLabel(option)}
        </option>
      ))}
    </select>
  );
}

/** A labelled select. */
export function SelectField<T extends string>({ label, ...select }: SelectProps<T> & { label: string }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <Select {...select} id={id} />
    </div>
  );
}
