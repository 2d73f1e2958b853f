import { z } from 'zod';

export const Health = z.strictObject({
  status: z.literal('ok'),
  database: z.strictObject({
    reachable: z.literal(true),
    version: z.string(),
    /** The embedded Neo4j's supervision: restarts after crashes since the app started. */
    supervision: z
      .strictObject({
        restarts: z.number().int().min(0),
        lastCrash: z
          .strictObject({ at: z.string(), code: z.number().int().nullable(), signal: z.string().nullable() })
          .optional(),
      })
      .optional(),
  }),
  /** Nodes per entity label and claims, relationships per type. */
  counts: z.record(z.string(), z.number().int().min(0)),
});
export type Health = z.infer<typeof Health>;

/** The one shape of every API error (server/errors.ts): never a stack trace or Cypher. */
export const ErrorBody = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
