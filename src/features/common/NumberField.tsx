import { useState } from 'react';

type Props = {
  label: string;
  value: number;
  min: number;
  max: number;
  onCommit: (value: number) => void;
};

/**
 * A whole-number field that lets the trainer clear it and type freely: the
 * draft is kept as typed and only a number within bounds is passed on.
 */
export function NumberField({ label, value, min, max, onCommit }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const valid = (text: string) => {
    const number = Number(text);
    return text.trim() !== '' && Number.isInteger(number) && number >= min && number <= max;
  };
  return (
    <label>
      {label}
      <input
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={draft ?? String(value)}
        aria-invalid={draft !== null && !valid(draft)}
        onChange={(event) => {
          setDraft(event.target.value);
          if (valid(event.target.value)) onCommit(Number(event.target.value));
        }}
        onBlur={() => setDraft(null)}
      />
    </label>
  );
}
