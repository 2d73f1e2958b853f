import { z } from 'zod';
import { EntityView } from './entity.js';

/** An edge as the graph routes return it (neighbourhood, paths, family): endpoints by visible id. */
export const EdgeView = z.strictObject({
  id: z.string(),
  type: z.string(),
  source: z.string(),
  target: z.string(),
  role: z.string().optional(),
  relation: z.string().optional(),
  date: z.string().optional(),
  confidence: z.string(),
});
export type EdgeView = z.infer<typeof EdgeView>;

/** Node cap of a neighbourhood (the `limit` query); seeds beyond it are still shown. */
export const MAX_NEIGHBOURHOOD_NODES = 2000;
/** Entities a neighbourhood may start from (the `ids` query). */
export const MAX_NEIGHBOURHOOD_SEEDS = 50;
/** Edges among the shown nodes are capped per node, so a dense cluster cannot flood the client. */
export const EDGE_CAP_PER_NODE = 5;

export const Neighbourhood = z.strictObject({
  nodes: z.array(EntityView).max(MAX_NEIGHBOURHOOD_NODES),
  edges: z.array(EdgeView).max(MAX_NEIGHBOURHOOD_NODES * EDGE_CAP_PER_NODE),
  /** True when the node cap (or the edge cap) left out something within `depth`. */
  truncated: z.boolean(),
  /** Per shown node (visible id): how many matching neighbours are not shown. Zero counts omitted. */
  hiddenNeighbours: z.record(z.string(), z.number().int().min(1)),
});
export type Neighbourhood = z.infer<typeof Neighbourhood>;

export const PathView = z.strictObject({
  /** From `from` to `to`, in order. */
  nodes: z.array(EntityView).min(1),
  edges: z.array(EdgeView),
  /** When every step is kinship: what `from` is to `to` ("father" = from is to's father). */
  relation: z.string().optional(),
});
export type PathView = z.infer<typeof PathView>;

/** Longest path searched, in relationships (the `maxHops` query). */
export const MAX_PATH_HOPS = 8;
/** Equally short paths returned at most (the `limit` query). */
export const MAX_PATHS = 50;

export const Paths = z.strictObject({ paths: z.array(PathView).max(MAX_PATHS) });
export type Paths = z.infer<typeof Paths>;

export const FamilyGroup = z.strictObject({
  id: z.string(),
  name: z.string(),
  members: z.array(z.strictObject({ id: z.string(), role: z.string().optional() })),
});
export type FamilyGroup = z.infer<typeof FamilyGroup>;

/** People cap of a family network (the `limit` query). */
export const MAX_FAMILY_PEOPLE = 2000;
/** Kinship edges among the people of a family network, per person at most. */
export const FAMILY_EDGES_PER_PERSON = 10;

export const FamilyNetwork = z.strictObject({
  root: EntityView,
  /**
   * Generation relative to the root: -1 parents, +1 children, 0 siblings, partners, cousins.
   * `around`: when no link fixes a person's generation (a RELATIVE_OF whose words say none), the
   * visible id of the person they are related to; they take that person's generation and are
   * shown grouped around them, not in a row.
   */
  people: z
    .array(EntityView.extend({ generation: z.number().int(), around: z.string().optional() }))
    .max(MAX_FAMILY_PEOPLE),
  edges: z.array(EdgeView).max(MAX_FAMILY_PEOPLE * FAMILY_EDGES_PER_PERSON),
  /** Households and unions (Family nodes) of the relatives, members limited to `people`. */
  families: z.array(FamilyGroup),
  truncated: z.boolean(),
});
export type FamilyNetwork = z.infer<typeof FamilyNetwork>;
