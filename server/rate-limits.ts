import type { Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { config } from '../graph/config.js';
import type { Budget, Contract } from './contract/define.js';
import { matchRoute } from './contract/url.js';
import { localsOf } from './session.js';

/** One request budget: how many per window, whom it counts (an address, or a signed-in user), what it says past it. */
interface BudgetSpec {
  windowMs: number;
  limit: () => number;
  by: 'address' | 'user';
  code: string;
  message: string;
}

const BUDGET_SPECS: Record<Budget, BudgetSpec> = {
  // The per-account lock-out (graph/access/users.ts) stops guessing one password; this stops trying
  // many names from one place, so it counts addresses, before anyone is signed in.
  'sign-in': {
    windowMs: 15 * 60_000,
    limit: () => 20,
    by: 'address',
    code: 'too_many_attempts',
    message: 'Too many sign-in attempts: try again later.',
  },
  search: {
    windowMs: 60_000,
    limit: () => config().searchPerMinute,
    by: 'user',
    code: 'too_many_requests',
    message: 'Too many searches in a minute: wait a moment.',
  },
  // An export reads the whole graph: a few a minute keep one reader from starving everyone else.
  export: {
    windowMs: 60_000,
    limit: () => config().exportPerMinute,
    by: 'user',
    code: 'too_many_requests',
    message: 'Too many exports in a minute: wait a moment.',
  },
};

/** A signed-in user has one budget wherever they connect from; anyone else, one per address. */
const clientKey = (req: Request, res: Response, by: BudgetSpec['by']) => {
  const userId = by === 'user' ? localsOf(res).reader?.userId : undefined;
  return userId ? `user:${userId}` : `address:${ipKeyGenerator(req.ip ?? 'unknown')}`;
};

/**
 * The budgets of the routes that declare one in the contract (`budget`), as middleware of the API
 * router (not routes: every route is a contract route bound by mount()). `stage` picks the budgets
 * counted before the session is read (by address) or after (by user).
 */
export function rateLimits(
  contract: Contract,
  stage: BudgetSpec['by'],
  limits: Partial<Record<Budget, number>> = {},
): RequestHandler {
  const limiters = new Map(
    Object.entries(BUDGET_SPECS)
      .filter(([, spec]) => spec.by === stage)
      .map(([budget, spec]) => [
        budget as Budget,
        rateLimit({
          windowMs: spec.windowMs,
          limit: () => limits[budget as Budget] ?? spec.limit(),
          standardHeaders: 'draft-8',
          legacyHeaders: false,
          identifier: budget,
          keyGenerator: (req, res) => clientKey(req, res, spec.by),
          handler: (_req, res) => {
            res.status(429).json({ error: { code: spec.code, message: spec.message } });
          },
        }),
      ]),
  );
  return (req, res, next) => {
    const budget = matchRoute(contract, req.method, req.originalUrl)?.route.budget;
    const limiter = budget && limiters.get(budget);
    return limiter ? limiter(req, res, next) : next();
  };
}
