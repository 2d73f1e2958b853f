/**
 * Why a write was refused, with its HTTP status (server/errors.ts sends it in the one error shape).
 * Messages never carry a protected person's data: a record the writer may not read is refused
 * exactly as an id that exists nowhere (`notFound`).
 */
export class WriteRefused extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409 | 412 | 428,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The same words the read routes use for an unknown id (server/errors.ts `notFound`). */
export const notFound = (what: 'entity' | 'relationship') =>
  new WriteRefused(404, 'not_found', `No ${what} with that id.`);

export const etagOf = (version: number) => `"${version}"`;

/** 412 with the version to reload: nothing of the refused write was kept. */
export const stale = (version: number) =>
  new WriteRefused(
    412,
    'stale',
    `The record changed since you read it: it is now version ${version}. Reload it, redo your change and send If-Match: ${etagOf(version)}.`,
    { version, etag: etagOf(version) },
  );

/**
 * The version an `If-Match` header names (`"3"`, `W/"3"`); a change needs one (428), so two
 * researchers editing at once cannot overwrite each other unseen.
 */
export function expectedVersion(ifMatch: string | undefined): number {
  if (ifMatch === undefined || ifMatch.trim() === '')
    throw new WriteRefused(
      428,
      'if_match_required',
      'This change needs an If-Match header with the ETag you read (GET the record first).',
    );
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
  if (!match)
    throw new WriteRefused(400, 'invalid_request', 'Invalid If-Match: an ETag such as "3"', [
      { path: 'headers.if-match', message: 'an ETag such as "3"' },
    ]);
  return Number(match[1]);
}
