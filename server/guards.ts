import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * Security headers (helmet): a Content-Security-Policy with no inline script and no framing,
 * nosniff, a referrer policy, and HSTS (browsers heed it only over TLS). The client's own
 * index.html carries the same policy in a meta tag, for `vite` during development.
 */
export const securityHeaders = (): RequestHandler =>
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // vis-timeline and D3 set styles on elements; no script runs from them.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
  });

/**
 * Answers only requests addressed to a host of this deployment: a page of another site that
 * resolves its own name to 127.0.0.1 (DNS rebinding) cannot read the API through the reader's
 * browser. `hosts` empty: any host.
 */
export function hostAllowList(hosts: readonly string[]): RequestHandler {
  const allowed = new Set(hosts.map((host) => host.replace(/^\[|\]$/g, '')));
  return (req, res, next) => {
    const host = (req.hostname ?? '').replace(/^\[|\]$/g, '').toLowerCase();
    if (allowed.size === 0 || allowed.has(host)) return next();
    res
      .status(421)
      .json({ error: { code: 'unknown_host', message: 'This server does not answer to that host name.' } });
  };
}

export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];
