import { ApiError } from '../api/client.js';
import { el } from '../dom.js';

export interface SignInDialog {
  /** Opens the dialog (once, however many requests asked); `reason` says why, above the fields. */
  open(reason?: string): void;
  /** Another way in beside the fields (the organisation's sign-in), or none. */
  offer(alternative: HTMLElement | null): void;
  readonly element: HTMLDialogElement;
}

/**
 * The sign-in dialog: a modal <dialog> (the browser keeps focus inside it and closes it on
 * Escape), the username field focused on opening, the API's own error message shown as text, and
 * focus given back to what was focused before once it closes.
 */
export function createSignInDialog(signIn: (username: string, password: string) => Promise<void>): SignInDialog {
  const username = el('input', {
    id: 'sign-in-username',
    name: 'username',
    autocomplete: 'username',
    required: true,
    maxlength: 200,
  });
  const password = el('input', {
    id: 'sign-in-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
    maxlength: 1000,
  });
  const reasonText = el('p', { className: 'muted', id: 'sign-in-reason' });
  const error = el('p', { className: 'error', id: 'sign-in-error', role: 'alert' });
  const submit = el('button', { type: 'submit', className: 'primary' }, 'Sign in');
  const cancel = el('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel');
  const alternatives = el('div', { className: 'sign-in-alternatives' });
  const form = el(
    'form',
    { className: 'sign-in-form', onsubmit: (event: Event) => void submitted(event) },
    el('label', { for: 'sign-in-username', text: 'Username' }),
    username,
    el('label', { for: 'sign-in-password', text: 'Password' }),
    password,
    error,
    el('div', { className: 'dialog-actions' }, cancel, submit),
  );
  const dialog = el(
    'dialog',
    { className: 'sign-in-dialog', 'aria-labelledby': 'sign-in-heading', 'aria-describedby': 'sign-in-reason' },
    el('h2', { id: 'sign-in-heading', text: 'Sign in' }),
    reasonText,
    alternatives,
    form,
  );
  let opener: Element | null = null;
  dialog.addEventListener('close', () => {
    password.value = '';
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
  });
  document.body.append(dialog);

  async function submitted(event: Event): Promise<void> {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    try {
      await signIn(username.value, password.value);
    } catch (failure) {
      // The API's message as it is (a wrong password and an unknown name read alike).
      error.textContent =
        failure instanceof ApiError ? failure.message : 'Signing in failed; check your connection and try again.';
      password.value = '';
      password.focus();
    } finally {
      submit.disabled = false;
    }
  }

  return {
    offer: (alternative) => alternatives.replaceChildren(...(alternative ? [alternative] : [])),
    element: dialog,
    open(reason = 'Sign in with your Kinline account.') {
      reasonText.textContent = reason;
      if (dialog.open) return;
      error.textContent = '';
      opener = document.activeElement;
      dialog.showModal();
      username.focus();
    },
  };
}
