import type { RequestHandler } from 'express';
import { type DestinationStream, pino } from 'pino';
import { config } from '../graph/config.js';
import type { Contract } from './contract/define.js';
import { matchRoute } from './contract/url.js';
import { localsOf } from './session.js';

export interface RequestLogOptions {
  /** Default standard output. */
  destination?: DestinationStream;
  /** Default KINLINE_LOG_LEVEL. */
  level?: 'info' | 'warn' | 'error' | 'silent';
}

/**
 * One JSON line per API request: method, the route's pattern (`/entities/:id`, never the path
 * itself: paths and queries carry ids and searched names), status, time in ms and the user's id.
 * Nothing else of the request goes in, so the log cannot hold a protected person's name or id.
 */
export function requestLog(contract: Contract, options: RequestLogOptions = {}): RequestHandler {
  const logger = pino(
    { level: options.level ?? config().logLevel, base: null, timestamp: pino.stdTimeFunctions.isoTime },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
  return (req, res, next) => {
    if (!logger.isLevelEnabled('info')) return next();
    const started = performance.now();
    res.once('finish', () =>
      logger.info(
        {
          method: req.method,
          route: matchRoute(contract, req.method, req.originalUrl)?.route.path ?? null,
          status: res.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          user: localsOf(res).reader?.userId ?? null,
        },
        'request',
      ),
    );
    next();
  };
}
