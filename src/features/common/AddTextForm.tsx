import { useState } from 'react';

type Props = {
  /** What to type ("A new threat"): the input's label. */
  label: string;
  /** The button's words ("Add the threat"). */
  submit: string;
  /** The limit the record's schema checks. */
  maxLength: number;
  /** Called with the text typed, never empty; the field then clears for the next one. */
  onAdd: (text: string) => void;
};

/** One line of text and a button that adds it: a threat, a factor, an insight. */
export function AddTextForm({ label, submit, maxLength, onAdd }: Props) {
  const [text, setText] = useState('');
  return (
    <form
      className="add-text-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '') return;
        onAdd(text);
        setText('');
      }}
    >
      <label className="field">
        <span>{label}</span>
        <input
          value={text}
          maxLength={maxLength}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <button type="submit">{submit}</button>
    </form>
  );
}
