import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { PendingSignIn } from './flow.js';

/**
 * The state, nonce and PKCE verifier of a sign-in in progress travel in a cookie of their own,
 * not in this process's memory: the provider may send the browser back to another app instance.
 * HttpOnly, scoped to /api/oidc, ten minutes; SameSite=Lax, because the callback is a navigation
 * from the provider's site and a Strict cookie would not come with it. It needs no signature: the
 * state it holds must match the callback's, and the verifier only works with the code the
 * provider gave this browser (PKCE, RFC 7636).
 */
const COOKIE = 'kinline_oidc';
const PATH = '/api/oidc';
const TTL_MS = 10 * 60_000;

const Pending = z.strictObject({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(43),
  redirectUri: z.url(),
});

export function keepPending(res: Response, pending: PendingSignIn): void {
  res.cookie(COOKIE, Buffer.from(JSON.stringify(pending)).toString('base64url'), {
    httpOnly: true,
    sameSite: 'lax',
    secure: res.req.secure,
    path: PATH,
    maxAge: TTL_MS,
  });
}

/** The sign-in this browser started, once: the cookie is cleared as it is read. */
export function takePending(req: Request, res: Response): PendingSignIn | null {
  res.clearCookie(COOKIE, { path: PATH });
  const raw = req.headers.cookie ? parseCookies(req.headers.cookie)[COOKIE] : undefined;
  if (!raw) return null;
  try {
    const parsed = Pending.safeParse(JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
