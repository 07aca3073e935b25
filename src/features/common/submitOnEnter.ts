import type { KeyboardEvent } from 'react';

/** Enter in a form's select submits the form, as it does in a text field: keyed entry needs no mouse. */
export function submitOnEnterInSelect(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== 'Enter' || !(event.target instanceof HTMLSelectElement)) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}
