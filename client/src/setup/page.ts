import { setupRoutes } from '../../../server/contract/setup.js';
import { pathOf } from '../../../server/contract/url.js';
import { el } from '../dom.js';

/**
 * The page of the one-time setup link the server printed (`/setup#token=…`): it creates the first
 * admin and signs them in. The token is read from the fragment, which never reaches a server log
 * or a Referer, and is taken out of the address bar at once.
 */
const MIN_PASSWORD_LENGTH = setupRoutes.setup.body.shape.password.minLength ?? 1;

export async function showSetup(root: HTMLElement): Promise<void> {
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  history.replaceState(null, '', location.pathname);
  const open = await fetch(pathOf(setupRoutes.setupStatus))
    .then((response) => response.json() as Promise<{ open?: boolean }>)
    .then((status) => status.open === true)
    .catch(() => false);
  if (!open || !token) {
    root.replaceChildren(
      el('h1', { text: 'Kinline' }),
      el('p', {
        text: open
          ? 'This page needs the whole link the server printed, with its #token=… part.'
          : 'Setup is closed: this server has an admin, or its link was used or has expired.',
      }),
      el('p', {}, el('a', { href: '/' }, 'Go to Kinline')),
    );
    return;
  }
  root.replaceChildren(el('h1', { text: 'Create the first admin' }), setupForm(token));
}

function setupForm(token: string): HTMLFormElement {
  const field = (label: string, input: HTMLInputElement) => el('label', { className: 'field' }, label, input);
  const username = el('input', { name: 'username', required: true, autocomplete: 'username', maxlength: 200 });
  const password = el('input', {
    name: 'password',
    type: 'password',
    required: true,
    autocomplete: 'new-password',
    minlength: MIN_PASSWORD_LENGTH,
  });
  const again = el('input', { name: 'again', type: 'password', required: true, autocomplete: 'new-password' });
  const message = el('p', { role: 'alert', className: 'setup-message' });
  const submit = el('button', { type: 'submit' }, 'Create admin and sign in');
  const form = el(
    'form',
    { className: 'setup-form' },
    field('Username', username),
    field(`Password (at least ${MIN_PASSWORD_LENGTH} characters)`, password),
    field('Password again', again),
    submit,
    message,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (password.value !== again.value) {
      message.textContent = 'The two passwords differ.';
      return;
    }
    submit.disabled = true;
    message.textContent = '';
    void createAdmin({ token, username: username.value, password: password.value }).then((failure) => {
      if (failure === null) location.assign('/');
      else {
        message.textContent = failure;
        submit.disabled = false;
      }
    });
  });
  return form;
}

/** null when the admin exists and is signed in; otherwise what went wrong, in the server's words. */
async function createAdmin(body: { token: string; username: string; password: string }): Promise<string | null> {
  try {
    const response = await fetch(pathOf(setupRoutes.setup), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    if (response.ok) return null;
    const answer = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    return answer?.error?.message ?? `The server answered ${response.status}.`;
  } catch {
    return 'The Kinline server cannot be reached.';
  }
}
