import { z } from 'zod';

/** Longitude, latitude: GeoJSON's order (RFC 7946, 3.1.1). */
export const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
export const PointGeometry = z.strictObject({ type: z.literal('Point'), coordinates: Position });
/** A closed ring: at least four positions, the last the first (RFC 7946, 3.1.6). */
const Ring = z
  .array(Position)
  .min(4)
  .max(10_000)
  .refine((ring) => ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1], 'a ring must be closed');
export const PolygonGeometry = z.strictObject({
  type: z.literal('Polygon'),
  coordinates: z.array(Ring).min(1).max(100),
});
export const MultiPolygonGeometry = z.strictObject({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(Ring).min(1).max(100)).min(1).max(100),
});
/** A facility's outline (its walls, traced from satellite imagery), kept beside its point. */
export const Footprint = z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry]);
export type Footprint = z.infer<typeof Footprint>;

/** The mean of a footprint's outer rings' positions: the point of a record given only as an outline. */
export function centreOf(footprint: Footprint): [number, number] {
  const rings = footprint.type === 'Polygon' ? [footprint.coordinates[0]!] : footprint.coordinates.map((p) => p[0]!);
  const positions = rings.flatMap((ring) => ring.slice(0, -1));
  const mean = (i: 0 | 1) => positions.reduce((sum, p) => sum + p[i], 0) / positions.length;
  return [mean(0), mean(1)];
}
