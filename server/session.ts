import { parse as parseCookies } from 'cookie';
import type { Request, RequestHandler, Response } from 'express';
import { ANONYMOUS, type Reader } from '../graph/access/roles.js';
import { sessionFor } from '../graph/access/sessions.js';
import { ApiError } from './errors.js';

export const SESSION_COOKIE = 'kinline_session';

/** What the session middleware leaves for the routes: who reads, and their session if any. */
export interface Locals {
  reader: Reader | null;
  anonymousRead: boolean;
  session?: { token: string; csrfToken: string };
}

export const localsOf = (res: Response) => res.locals as Locals;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Routes anyone may call without signing in, whatever the server allows: health and signing in itself. */
const OPEN_ROUTES = new Set([
  'GET /health',
  'GET /openapi.json',
  'GET /session',
  'POST /session',
  'GET /setup',
  'POST /setup',
  'GET /oidc/login',
  'GET /oidc/callback',
]);

export function tokenOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  return header ? parseCookies(header)[SESSION_COOKIE] : undefined;
}

/**
 * Who is reading: the user of the session cookie, or the anonymous viewer when this server allows
 * anonymous reading (loopback, or KINLINE_PUBLIC_READ). State-changing requests of a session carry
 * its CSRF token in `X-CSRF-Token`; SameSite=Strict keeps the cookie off cross-site requests too.
 */
export function sessionMiddleware(options: { anonymousRead: boolean }): RequestHandler {
  return async (req, res, next) => {
    try {
      const locals = localsOf(res);
      locals.anonymousRead = options.anonymousRead;
      const token = tokenOf(req);
      const active = token ? await sessionFor(token) : null;
      if (token && active) {
        const { user } = active;
        locals.reader = { userId: user.id, username: user.username, role: user.role, clearance: user.clearance };
        locals.session = { token, csrfToken: active.csrfToken };
      } else {
        locals.reader = options.anonymousRead ? ANONYMOUS : null;
      }
      const route = `${req.method} ${req.path}`;
      if (!OPEN_ROUTES.has(route)) {
        if (!locals.reader) throw new ApiError(401, 'sign_in_required', 'Sign in to read this server.');
        if (!SAFE_METHODS.has(req.method) && locals.session && req.get('x-csrf-token') !== locals.session.csrfToken) {
          throw new ApiError(403, 'csrf', 'This change needs the X-CSRF-Token of your session.');
        }
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** True for addresses only this machine can reach: anonymous reading is safe there. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
