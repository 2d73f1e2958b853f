import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { AnswersJsonOnly, Contract, JsonReply, RequestOf, RouteContract } from '../contract/define.js';
import { ANONYMOUS } from '../../graph/access/roles.js';
import { appendAudit } from '../../graph/audit/log.js';
import { type ReadScope, scopeFor } from '../../graph/read/scope.js';
import { localsOf } from '../session.js';

/**
 * The handler of one contract entry: it calls one named query function in graph/ with the read
 * scope of whoever asks (graph/read/scope.ts) and returns what to send. Routes that answer other
 * media types (exports) send the reply themselves. A handler gets no other way to the graph's
 * records: every query function takes the scope first.
 */
export type Handler<R extends RouteContract> = (
  input: RequestOf<R>,
  scope: ReadScope,
  res: Response,
) => Promise<AnswersJsonOnly<R> extends true ? JsonReply<R> : void>;

export type Handlers<C extends Contract> = { [K in keyof C]: Handler<C[K]> };

/** Parses one part of the request; zod paths are prefixed ("query.depth") so errors name the field. */
function parsePart(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return value ?? {};
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw new z.ZodError(result.error.issues.map((issue) => ({ ...issue, path: [where, ...issue.path] })));
}

/**
 * Binds each contract entry to its handler. A route without a handler, or a handler without a
 * route, stops the server at start-up rather than answering 404 or serving something undocumented.
 */
export function mount<C extends Contract>(router: Router, contract: C, handlers: Handlers<C>): void {
  const unbound = Object.keys(contract).filter((name) => !Object.hasOwn(handlers, name));
  const undeclared = Object.keys(handlers).filter((name) => !Object.hasOwn(contract, name));
  if (unbound.length || undeclared.length)
    throw new Error(
      `API contract and handlers disagree: ${[
        ...unbound.map((name) => `route "${name}" has no handler`),
        ...undeclared.map((name) => `handler "${name}" has no route in the contract`),
      ].join('; ')}`,
    );
  for (const [name, spec] of Object.entries(contract)) {
    const handler = handlers[name] as (input: unknown, scope: ReadScope, res: Response) => Promise<unknown>;
    const bound = async (req: Request, res: Response) => {
      const input = {
        params: parsePart(spec.params, req.params, 'params'),
        query: parsePart(spec.query, req.query, 'query'),
        body: parsePart(spec.body, spec.method === 'get' ? undefined : req.body, 'body'),
      };
      const scope = scopeFor(localsOf(res).reader ?? ANONYMOUS);
      const result = await handler(input, scope, res);
      await auditProtectedReads(name, scope);
      if (result !== undefined && !res.headersSent) res.json(result);
    };
    READ_LAYER_ROUTES.add(bound);
    router[spec.method](spec.path, bound);
  }
}

/**
 * Every function mount() binds: the registry a test walks to prove that every route Express
 * answers is a contract route whose handler was given a read scope (test/read-layer.registry.test.ts).
 */
export const READ_LAYER_ROUTES = new WeakSet<(req: Request, res: Response) => Promise<void>>();

/** A read of protected people by name is logged before the body leaves (README, "Audit log"). */
async function auditProtectedReads(route: string, scope: ReadScope): Promise<void> {
  if (scope.namedProtected.size === 0) return;
  const ids = [...scope.namedProtected].sort();
  await appendAudit({
    actor: scope.reader.username ?? 'anonymous',
    action: 'read-protected',
    details: { route, count: ids.length, ids: ids.slice(0, 200) },
  });
}
