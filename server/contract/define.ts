import type { z } from 'zod';
import { ErrorBody } from '../../graph/views/system.js';

export type Method = 'get' | 'post' | 'patch' | 'delete';

export const BUDGETS = ['sign-in', 'search', 'export'] as const;
export type Budget = (typeof BUDGETS)[number];

/** A response body per media type; text formats (exports) are strings. */
export type Content = Readonly<Record<string, z.ZodType>>;

/**
 * One route of the API, declared once: the server binds a handler to it (server/routes), the
 * OpenAPI document describes it (server/openapi.ts), the browser calls it through the typed client
 * (client/src/api/client.ts), and the tests check every answer against `responses`.
 */
export interface RouteContract {
  method: Method;
  /** Express-style, relative to /api: `/entities/:id`. */
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /**
   * The request budget the route draws on (server/rate-limits.ts): proving who one is, searching,
   * exporting. Past it: 429 with RateLimit headers, documented in the OpenAPI document.
   */
  budget?: Budget;
  /**
   * A change of a versioned record (graph/write): needs `If-Match` with the ETag read (428
   * without, 412 when stale). Its 200 answers carry the record's new `ETag`.
   */
  ifMatch?: true;
  /** A 200 that carries the record's version as `ETag`. */
  etag?: true;
  /** A 200 with its media types; or, for a route a browser navigates to, a 302 (`REDIRECT`). */
  responses: { readonly [status: number]: Content } & ({ readonly 200: Content } | { readonly 302: Content });
}

export type Contract = Readonly<Record<string, RouteContract>>;

export const JSON_MEDIA_TYPE = 'application/json';

export const json = <S extends z.ZodType>(schema: S) => ({ [JSON_MEDIA_TYPE]: schema }) as { 'application/json': S };

/**
 * A redirect: no body, the `Location` header says where. Only for routes a browser navigates to
 * (OpenID Connect sign-in), which answer it instead of a 200; their handler sends it.
 */
export const REDIRECT = {} as const satisfies Content;

/** A route with a `budget` answers 429 past it. */
export const OVER_BUDGET = { 429: json(ErrorBody) } as const;

/** Every route may answer a bad request, an unknown id and a database outage, in the one error shape. */
export const ERRORS = { 400: json(ErrorBody), 404: json(ErrorBody), 503: json(ErrorBody) } as const;

/** Keeps the literal types of an entry (for the typed handlers and client) while checking its shape. */
export const route = <const R extends RouteContract>(entry: R): R => entry;

type Parsed<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

/** What a handler receives: each part of the request parsed by its schema. */
export interface RequestOf<R extends RouteContract> {
  params: Parsed<R['params']>;
  query: Parsed<R['query']>;
  body: R['body'] extends z.ZodType ? z.output<R['body']> : undefined;
}

/** True when the route answers JSON only; otherwise it sends its own media types (exports) or redirects. */
export type AnswersJsonOnly<R extends RouteContract> = R['responses'] extends { 200: infer Ok }
  ? Exclude<keyof Ok, typeof JSON_MEDIA_TYPE> extends never
    ? true
    : false
  : false;

/** The JSON body of a 200 answer. */
export type JsonReply<R extends RouteContract> = R['responses'][200] extends {
  'application/json': infer S extends z.ZodType;
}
  ? z.output<S>
  : never;

/**
 * What a caller passes: the parsed types of the request schemas (numbers, booleans, lists as
 * arrays), with the optionality of their inputs (a field with a default may be left out).
 */
export type CallInput<S> = S extends z.ZodType
  ? { [K in keyof z.input<S>]: K extends keyof z.output<S> ? z.output<S>[K] : z.input<S>[K] }
  : never;
