import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import { DatabaseUnavailableError } from '../graph/db/driver.js';
import { supervision } from '../graph/neo4j/supervisor.js';
import { IncompleteImportError } from '../graph/store/import-run.js';
import { formatPath, ValidationError } from '../graph/store/validate.js';
import type { ErrorBody } from '../graph/views/system.js';
import { WriteRefused } from '../graph/write/refused.js';

/** A domain error with an HTTP status; its message must never carry a protected person's data. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `No ${what} with that id.`);

const body = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: { code, message, ...(details === undefined ? {} : { details }) },
});

export const RETRY_AFTER_SECONDS = 5;

/** The single error shape of the API: `{error: {code, message, details?}}`, never a stack or Cypher. */
export const errorHandler: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
  if (error instanceof z.ZodError) {
    const details = error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
    res
      .status(400)
      .json(body('invalid_request', `Invalid ${details.map((d) => d.path || 'request').join(', ')}`, details));
    return;
  }
  if (error instanceof ApiError || error instanceof WriteRefused) {
    res.status(error.status).json(body(error.code, error.message, error.details));
    return;
  }
  if (error instanceof ValidationError) {
    res.status(422).json(body('invalid_data', 'The data was rejected; nothing was written.', error.problems));
    return;
  }
  if (error instanceof DatabaseUnavailableError) {
    res
      .status(503)
      .set('Retry-After', String(RETRY_AFTER_SECONDS))
      .json(body('database_unavailable', unavailableMessage()));
    return;
  }
  if (error instanceof IncompleteImportError) {
    // Writes wait for an interrupted import to be completed; the file's name stays in the CLI.
    res
      .status(503)
      .set('Retry-After', String(RETRY_AFTER_SECONDS * 6))
      .json(
        body(
          'import_incomplete',
          'An import was interrupted: nothing was written; writes resume once it has been run again to completion.',
        ),
      );
    return;
  }
  const status =
    (error as { status?: number; statusCode?: number } | null)?.status ??
    (error as { statusCode?: number } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // body-parser and friends: malformed JSON, too large, wrong charset
    const type = (error as { type?: string }).type ?? 'bad_request';
    res
      .status(status)
      .json(
        body(
          type.replace(/\./g, '_'),
          status === 413 ? 'The request body is too large.' : 'The request could not be read.',
        ),
      );
    return;
  }
  // Log the kind of failure only: messages may quote data, and logs must not leak protected people.
  console.error(
    `[kinline] internal error: ${(error as Error | null)?.name ?? 'unknown'} ${(error as { code?: string } | null)?.code ?? ''}`.trim(),
  );
  res.status(500).json(body('internal_error', 'Something went wrong on our side.'));
};

export const unknownRoute: RequestHandler = (_req, res) => {
  res.status(404).json(body('not_found', 'No such route.'));
};

/** Says when the embedded Neo4j is being restarted after a crash, so the wait has a reason. */
function unavailableMessage(): string {
  const supervised = supervision();
  return supervised?.state === 'restarting'
    ? `The database stopped and is being restarted (attempt ${supervised.attempt ?? 1}); retrying by itself.`
    : 'The database is unreachable; try again shortly.';
}
