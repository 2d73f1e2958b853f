import { z } from 'zod';
import { EntityTypeName } from '../schema/index.js';
import { Footprint, MultiPolygonGeometry, PointGeometry, PolygonGeometry } from '../vocabulary/geometry.js';
import { LOCATION_PRECISIONS } from '../vocabulary/precision.js';

export { Footprint, PointGeometry };

/** West, south, east, north in degrees (RFC 7946, 5). West > east crosses the antimeridian. */
export const BBox = z.tuple([
  z.number().min(-180).max(180),
  z.number().min(-90).max(90),
  z.number().min(-180).max(180),
  z.number().min(-90).max(90),
]);
export type BBox = z.infer<typeof BBox>;

/** A located record as a reader sees it on the map. */
export const LocatedProperties = z.strictObject({
  id: z.string(),
  type: EntityTypeName,
  name: z.string(),
  kind: z.string().optional(),
  /** How exactly the coordinates locate it (graph/vocabulary/precision.ts). */
  precision: z.enum(LOCATION_PRECISIONS),
  /** It lies somewhere within this many km of the point: an area, not a point, when above 0. */
  radiusKm: z.number().min(0),
  /**
   * Detentions at it that this reader's timeline of it shows (withheld ones included, as it
   * shows them untitled); with `asOf`, only those possibly running on that day.
   */
  detentions: z.number().int().min(0),
  /** With `asOf`: of those, the ones certainly running on that day. */
  detentionsCertain: z.number().int().min(0).optional(),
  footprint: Footprint.optional(),
  /** `/api/places/:id/nearby`: how far it lies from the place asked about. */
  distanceKm: z.number().min(0).optional(),
  synthetic: z.literal(true).optional(),
});
export type LocatedProperties = z.infer<typeof LocatedProperties>;

/** Several records too close to tell apart at this zoom: one symbol with their count. */
export const ClusterProperties = z.strictObject({
  cluster: z.literal(true),
  id: z.string(),
  count: z.number().int().min(2),
  /** How many of each type. */
  types: z.record(z.string(), z.number().int()),
  detentions: z.number().int().min(0),
  /** The box of its members: zooming to it splits the cluster. */
  bbox: BBox,
});
export type ClusterProperties = z.infer<typeof ClusterProperties>;

/** A GeoJSON Feature at a point, its id repeated in its properties (tools read either). */
const pointFeature = <P extends z.ZodType>(properties: P) =>
  z.strictObject({ type: z.literal('Feature'), id: z.string(), geometry: PointGeometry, properties });

export const LocatedFeature = pointFeature(LocatedProperties);
export type LocatedFeature = z.infer<typeof LocatedFeature>;
export const ClusterFeature = pointFeature(ClusterProperties);
export type ClusterFeature = z.infer<typeof ClusterFeature>;

/** Most located records one map answer carries before it says `truncated`. */
export const MAX_MAP_FEATURES = 5000;

/** GET /api/map: a GeoJSON FeatureCollection (RFC 7946) of located records and clusters. */
export const MapCollection = z.strictObject({
  type: z.literal('FeatureCollection'),
  bbox: BBox.optional(),
  features: z.array(z.union([LocatedFeature, ClusterFeature])),
  /** More records lie in the box than one answer carries: zoom in, or pass `zoom` to cluster. */
  truncated: z.boolean(),
  asOf: z.string().optional(),
});
export type MapCollection = z.infer<typeof MapCollection>;

/**
 * `kinline export --format geojson`: the located records, each with the fields a GeoJSON import
 * reads back (graph/export/geojson.ts). Its geometry is the point, or the footprint with the point
 * kept as `latitude`/`longitude`.
 */
export const GeoJsonExport = z.strictObject({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.strictObject({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: z.discriminatedUnion('type', [PointGeometry, PolygonGeometry, MultiPolygonGeometry]),
      properties: z.record(z.string(), z.unknown()),
    }),
  ),
});
