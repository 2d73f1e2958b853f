import { z } from 'zod';

export const Health = z.strictObject({
  /** `import incomplete` while a batched load was stopped half-way (graph/store/import-run.ts). */
  status: z.enum(['ok', 'import incomplete']),
  /** That load's progress; never its file's name, which may name a protected person. */
  import: z
    .strictObject({
      startedAt: z.string(),
      lastBatch: z.number().int().min(0),
      rowsDone: z.number().int().min(0),
      rows: z.number().int().min(0),
    })
    .optional(),
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
