import { z } from 'zod';
import { Entity } from './entities.js';
import { Relationship } from './relationships.js';

/**
 * The file form of a Kinline graph: what seeds, imports and exports read and write.
 * `load(export(db))` yields the same graph.
 */
export const Dataset = z
  .object({
    kinline: z.literal(1),
    title: z.string().max(400).optional(),
    synthetic: z.boolean().optional(),
    entities: z.array(Entity),
    relationships: z.array(Relationship),
  })
  .strict();
export type Dataset = z.infer<typeof Dataset>;
/** What callers may write: defaults (claim confidence, name kind) are still to be applied. */
export type DatasetInput = z.input<typeof Dataset>;
