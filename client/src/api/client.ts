import type { z } from 'zod';
import type { AnswersJsonOnly, CallInput, JsonReply, RouteContract } from '../../../server/contract/define.js';
import { api as contract, type Api } from '../../../server/contract/index.js';
import { pathOf, queryString } from '../../../server/contract/url.js';
import { etagOf } from '../../../graph/write/refused.js';

/** An API failure in the one error shape the server uses: {error: {code, message}}. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the error body adds (a stale write: the current version). */
    readonly details?: unknown,
  ) {
    super(message);
  }
  /** True when the database (not the request) is the problem: the banner says so. */
  get databaseDown(): boolean {
    return this.status === 503 || this.code === 'database_unavailable' || this.code === 'network';
  }
}

type Listener = (error: ApiError) => void;
const failureListeners = new Set<Listener>();
const successListeners = new Set<() => void>();
const signInListeners = new Set<Listener>();

/** The banner listens here: any call failing because the database is down raises it. */
export function onApiFailure(listener: Listener): void {
  failureListeners.add(listener);
}
export function onApiSuccess(listener: () => void): void {
  successListeners.add(listener);
}
/** The sign-in dialog listens here: any call answered 401 `sign_in_required` opens it. */
export function onSignInRequired(listener: Listener): void {
  signInListeners.add(listener);
}

/**
 * The CSRF token of the session (GET/POST /api/session), sent in `X-CSRF-Token` on every request
 * that changes something; the server refuses those without it (server/session.ts).
 */
let csrfToken: string | undefined;
export function useCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

/** A part of a call (path params, query): optional when every field in it is. */
type Part<Key extends string, S> = S extends z.ZodType
  ? Record<string, never> extends CallInput<S>
    ? { [K in Key]?: CallInput<S> }
    : { [K in Key]: CallInput<S> }
  : { [K in Key]?: never };

/** A change of a versioned record names the version it was made from (`If-Match`). */
type VersionPart<R extends RouteContract> = R['ifMatch'] extends true ? { ifMatch: number } : { ifMatch?: never };

export type CallOf<R extends RouteContract> = Part<'params', R['params']> &
  Part<'query', R['query']> &
  Part<'body', R['body']> &
  VersionPart<R>;
/** JSON routes answer their response schema's type; export routes answer the file's text. */
export type ReplyOf<R extends RouteContract> = AnswersJsonOnly<R> extends true ? JsonReply<R> : string;

type Caller<R extends RouteContract> =
  Record<string, never> extends CallOf<R>
    ? (input?: CallOf<R>) => Promise<ReplyOf<R>>
    : (input: CallOf<R>) => Promise<ReplyOf<R>>;

/** The whole API as functions, one per contract entry (server/contract): `api.entity({ params: { id } })`. */
export type ApiClient = { [K in keyof Api]: Caller<Api[K]> };

interface Input {
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  body?: unknown;
  ifMatch?: number;
}

function headersOf(route: RouteContract, input: Input, answersJson: boolean): Record<string, string> {
  return {
    ...(answersJson ? { accept: 'application/json' } : {}),
    ...(input.body === undefined ? {} : { 'content-type': 'application/json' }),
    ...(route.method !== 'get' && csrfToken ? { 'x-csrf-token': csrfToken } : {}),
    ...(input.ifMatch === undefined ? {} : { 'if-match': etagOf(input.ifMatch) }),
  };
}

const tell = (listeners: Set<Listener>, error: ApiError) =>
  listeners.forEach((l) => {
    l(error);
  });

async function call(route: RouteContract, input: Input = {}): Promise<unknown> {
  const answersJson = Object.keys(route.responses[200]).every((type) => type === 'application/json');
  const url = pathOf(route, input.params) + queryString(input.query);
  let response: Response;
  try {
    response = await fetch(url, {
      method: route.method.toUpperCase(),
      headers: headersOf(route, input, answersJson),
      ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
    });
  } catch {
    const error = new ApiError(0, 'network', 'The Kinline server cannot be reached.');
    tell(failureListeners, error);
    throw error;
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      error?: { code?: string; message?: string; details?: unknown };
    } | null;
    const error = new ApiError(
      response.status,
      body?.error?.code ?? `http_${response.status}`,
      body?.error?.message ?? response.statusText,
      body?.error?.details,
    );
    if (error.databaseDown) tell(failureListeners, error);
    if (error.status === 401 && error.code === 'sign_in_required') tell(signInListeners, error);
    throw error;
  }
  const body = answersJson ? await response.json().catch(() => null) : await response.text();
  successListeners.forEach((l) => {
    l();
  });
  return body;
}

/** The one client of the API: every call the browser makes goes through it, typed by the contract. */
export const api = Object.fromEntries(
  Object.entries(contract).map(([name, route]) => [name, (input?: Input) => call(route, input)]),
) as unknown as ApiClient;
