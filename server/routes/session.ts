import type { Response } from 'express';
import { createSession, endSession } from '../../graph/access/sessions.js';
import { signIn } from '../../graph/access/users.js';
import { appendAudit } from '../../graph/audit/log.js';
import type { sessionRoutes, SessionView } from '../contract/session.js';
import { ApiError } from '../errors.js';
import { localsOf, SESSION_COOKIE } from '../session.js';
import type { Handlers } from './define.js';

function viewOf(res: Response): SessionView {
  const { reader, session, anonymousRead } = localsOf(res);
  const user =
    session && reader?.username ? { username: reader.username, role: reader.role, clearance: reader.clearance } : null;
  return { user, ...(session && user ? { csrfToken: session.csrfToken } : {}), anonymousReading: anonymousRead };
}

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
    const ip = res.req.ip ?? 'unknown';
    if (!result.ok) {
      await appendAudit({ actor: body.username, action: 'sign-in-failed', details: { reason: result.reason, ip } });
      throw REFUSED;
    }
    const session = await createSession(result.user);
    await appendAudit({ actor: result.user.username, action: 'sign-in', details: { ip } });
    res.cookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: res.req.secure,
      path: '/',
      expires: new Date(session.expiresAt),
    });
    const { user } = result;
    return {
      user: { username: user.username, role: user.role, clearance: user.clearance },
      csrfToken: session.csrfToken,
      anonymousReading: localsOf(res).anonymousRead,
    };
  },
  session: async (_input, _scope, res) => viewOf(res),
  signOut: async (_input, _scope, res) => {
    const { session, reader } = localsOf(res);
    if (session) {
      await endSession(session.token);
      await appendAudit({ actor: reader?.username ?? 'anonymous', action: 'sign-out' });
    }
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    return { user: null, anonymousReading: localsOf(res).anonymousRead };
  },
};
