import { el } from '../dom.js';

export interface FormDialog {
  dialog: HTMLDialogElement;
  form: HTMLFormElement;
  open(): void;
  close(): void;
}

/** What a failed save says: the server's own message (it names the field), or a retry hint. */
export const failureText = (failure: unknown) =>
  failure instanceof Error && failure.message ? failure.message : 'Saving failed; try again.';

/**
 * A modal form of the edit tools: a heading, fields, an alert line for the server's message, and
 * Cancel / submit. `submit` throws to keep the dialog open with its message; the button is
 * disabled while it runs, so a double click saves once.
 */
export function formDialog(options: {
  id: string;
  heading: string;
  submitLabel: string;
  fields(): Node[];
  submit(): Promise<void>;
}): FormDialog {
  const error = el('p', { className: 'error', id: `${options.id}-error`, role: 'alert' });
  const submit = el('button', { type: 'submit', className: 'primary' }, options.submitLabel);
  const form = el('form', {
    className: 'sign-in-form edit-form',
    onsubmit: (event: Event) => {
      event.preventDefault();
      void submitted();
    },
  });
  const dialog = el(
    'dialog',
    { className: 'sign-in-dialog edit-dialog', id: options.id, 'aria-labelledby': `${options.id}-heading` },
    el('h2', { id: `${options.id}-heading`, text: options.heading }),
    form,
  );
  document.body.append(dialog);

  async function submitted(): Promise<void> {
    submit.disabled = true;
    error.textContent = '';
    try {
      await options.submit();
      dialog.close();
    } catch (failure) {
      error.textContent = failureText(failure);
    } finally {
      submit.disabled = false;
    }
  }

  return {
    dialog,
    form,
    open() {
      error.textContent = '';
      form.replaceChildren(
        ...options.fields(),
        error,
        el(
          'div',
          { className: 'dialog-actions' },
          el('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'),
          submit,
        ),
      );
      dialog.showModal();
      form.querySelector<HTMLElement>('input, select, textarea')?.focus();
    },
    close: () => dialog.close(),
  };
}
