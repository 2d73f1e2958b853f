import { api, onSignInRequired, useCsrfToken } from '../api/client.js';
import { mayWrite } from '../../../graph/access/roles.js';
import { organisationSignIn } from '../oidc/organisation-sign-in.js';
import type { SessionView } from '../api/types.js';
import { append, el } from '../dom.js';
import './session.css';
import { createSignInDialog } from './sign-in-dialog.js';

export interface AccountDeps {
  /** Opens the audit page; the header offers it to admins only. */
  openAudit(): void;
  /** Opens the "Add person" form; the header offers it to those who may write. */
  addPerson(): void;
}

export interface Account {
  /** Reads who is signed in; on a server that admits no anonymous reader, asks to sign in first. */
  start(): Promise<SessionView>;
  /** Who is signed in now (null: an anonymous viewer). */
  user(): SessionView['user'];
}

const CLEARANCE_TEXT = { none: 'no clearance', pseudonymous: 'pseudonymous', confidential: 'confidential' };

/** "Signed in as aliya (admin, confidential)" */
export function signedInText(user: NonNullable<SessionView['user']>): string {
  return `Signed in as ${user.username} (${user.role}, ${CLEARANCE_TEXT[user.clearance]})`;
}

/**
 * The account area of the header: who is signed in, with Sign out (and, for an admin, the audit
 * log), or a Sign in button. Signing in or out reloads the page: every panel's data was read for
 * the previous reader (names or pseudonyms), and none of it may outlive them.
 */
export function createAccount(root: HTMLElement, deps: AccountDeps): Account {
  let session: SessionView = { user: null, anonymousReading: true, oidc: false };
  const dialog = createSignInDialog(async (username, password) => {
    remember(await api.signIn({ body: { username, password } }));
    location.reload();
  });

  function remember(view: SessionView): SessionView {
    session = view;
    useCsrfToken(view.csrfToken);
    dialog.offer(organisationSignIn(view));
    render();
    return view;
  }

  /** A failure leaves the session as it is; the banner says when the server or database is down. */
  async function signOut(): Promise<void> {
    remember(await api.signOut());
    location.reload();
  }

  function render(): void {
    const { user } = session;
    const signInButton = () => el('button', { type: 'button', id: 'sign-in', onclick: () => dialog.open() }, 'Sign in');
    root.replaceChildren();
    append(
      root,
      ...(user
        ? [
            el('span', { className: 'who', id: 'signed-in-as', text: signedInText(user) }),
            mayWrite(user) && el('button', { type: 'button', id: 'add-person', onclick: deps.addPerson }, 'Add person'),
            user.role === 'admin' &&
              el('button', { type: 'button', id: 'open-audit', onclick: deps.openAudit }, 'Audit log'),
            el(
              'button',
              { type: 'button', id: 'sign-out', onclick: () => void signOut().catch(() => undefined) },
              'Sign out',
            ),
          ]
        : [
            el('span', {
              className: 'who',
              text: session.anonymousReading ? 'Not signed in: reading as a viewer' : 'Sign in to read this server',
            }),
            signInButton(),
          ]),
    );
  }

  // A request refused for want of a session (it ended elsewhere, or expired): sign in again.
  onSignInRequired(() => {
    if (session.user) remember({ user: null, anonymousReading: session.anonymousReading, oidc: session.oidc });
    dialog.open('Your session has ended, or this needs an account: sign in to go on.');
  });

  return {
    user: () => session.user,
    async start() {
      const view = remember(await api.session());
      if (!view.user && !view.anonymousReading) dialog.open('This server is read by signing in.');
      return view;
    },
  };
}
