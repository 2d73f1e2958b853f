import type { Response } from 'express';
import { createSession, endSession } from '../../graph/access/sessions.js';
import { signIn, type User } from '../../graph/access/users.js';
import { appendAudit } from '../../graph/audit/log.js';
import type { sessionRoutes, SessionView } from '../contract/session.js';
import { ApiError } from '../errors.js';
import { oidcEnabled } from '../oidc/settings.js';
import { localsOf, SESSION_COOKIE } from '../session.js';
import type { Handlers } from './define.js';

function viewOf(res: Response): SessionView {
  const { reader, session, anonymousRead } = localsOf(res);
  const user =
    session && reader?.username ? { username: reader.username, role: reader.role, clearance: reader.clearance } : null;
  return {
    user,
    ...(session && user ? { csrfToken: session.csrfToken } : {}),
    anonymousReading: anonymousRead,
    oidc: oidcEnabled(),
  };
}

/**
 * Signs in a user who has proved who they are (a password, the setup link, the OIDC provider):
 * a new session in Neo4j and its cookie (HttpOnly, SameSite=Strict, Secure behind TLS). Callers
 * audit the sign-in first, so no session exists that the audit log does not show.
 */
export async function openSession(res: Response, user: Pick<User, 'id' | 'username' | 'role' | 'clearance'>) {
  const session = await createSession(user);
  res.cookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: res.req.secure,
    path: '/',
    expires: new Date(session.expiresAt),
  });
  return {
    user: { username: user.username, role: user.role, clearance: user.clearance },
    csrfToken: session.csrfToken,
    anonymousReading: localsOf(res).anonymousRead,
    oidc: oidcEnabled(),
  } satisfies SessionView;
}

export const clientAddress = (res: Response) => res.req.ip ?? 'unknown';

// One answer for an unknown name, a wrong password, a disabled or a locked account: none of
// them tells a caller that an account exists.
const REFUSED = new ApiError(
  401,
  'sign_in_failed',
  'Wrong username or password, or too many attempts: try again later.',
);

export const sessionHandlers: Handlers<typeof sessionRoutes> = {
  signIn: async ({ body }, _scope, res) => {
    const result = await signIn(body.username, body.password);
    const ip = clientAddress(res);
    if (!result.ok) {
      await appendAudit({ actor: body.username, action: 'sign-in-failed', details: { reason: result.reason, ip } });
      throw REFUSED;
    }
    await appendAudit({ actor: result.user.username, action: 'sign-in', details: { ip } });
    return openSession(res, result.user);
  },
  session: async (_input, _scope, res) => viewOf(res),
  signOut: async (_input, _scope, res) => {
    const { session, reader } = localsOf(res);
    if (session) {
      await endSession(session.token);
      await appendAudit({ actor: reader?.username ?? 'anonymous', action: 'sign-out' });
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    return { user: null, anonymousReading: localsOf(res).anonymousRead, oidc: oidcEnabled() };
  },
};
