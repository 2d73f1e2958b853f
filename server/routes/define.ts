import type { Request, Response, Router } from 'express';
import { z } from 'zod';

type Method = 'get' | 'post';

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

/**
 * A route declared once: its zod inputs validate requests AND generate the OpenAPI document.
 * The handler calls one named query function in graph/ and returns what to send.
 */
export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Media types other than JSON that the route can answer with (exports). */
  produces?: string[];
  handler(input: RouteInput<P, Q, B>, res: Response): Promise<unknown>;
}

export function route<P = Record<string, never>, Q = Record<string, never>, B = undefined>(
  spec: RouteSpec<P, Q, B>,
): RouteSpec {
  return spec as unknown as RouteSpec;
}

/** Parses one part of the request; zod paths are prefixed ("query.depth") so errors name the field. */
function parsePart<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return (value ?? {}) as T;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new z.ZodError(result.error.issues.map((issue) => ({ ...issue, path: [where, ...issue.path] })));
}

export function mount(router: Router, routes: readonly RouteSpec[]): void {
  for (const spec of routes) {
    router[spec.method](spec.path, async (req: Request, res: Response) => {
      const input = {
        params: parsePart(spec.params, req.params, 'params'),
        query: parsePart(spec.query, req.query, 'query'),
        body: parsePart(spec.body, spec.method === 'post' ? req.body : undefined, 'body'),
      };
      const result = await spec.handler(input, res);
      if (result !== undefined && !res.headersSent) res.json(result);
    });
  }
}

// Shared query-string pieces, so every route reads numbers, lists and dates the same way.
export const intParam = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

export const idList = (max: number) =>
  z
    .string()
    .max(4000)
    .transform((text) =>
      text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string().min(1).max(120)).min(1).max(max));

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine(
    (text) => !Number.isNaN(Date.parse(text)) && new Date(text).toISOString().startsWith(text),
    'is not a real calendar date',
  );

export const booleanParam = z.enum(['true', 'false']).transform((v) => v === 'true');
