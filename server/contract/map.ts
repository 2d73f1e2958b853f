import { z } from 'zod';
import { BBox, MapCollection } from '../../graph/views/map.js';
import { LOCATED_TYPES } from '../../graph/vocabulary/entity-fields.js';
import { ERRORS, json, route } from './define.js';
import { EntityId, idList, intParam, isoDate } from './query.js';

const LocatedTypes = idList(LOCATED_TYPES.length, z.enum(LOCATED_TYPES)).describe(
  `comma-separated types to draw (${LOCATED_TYPES.join(', ')}); all by default`,
);

/** `west,south,east,north` in degrees, as GeoJSON's bbox (RFC 7946, 5). */
const BBoxParam = z
  .string()
  .max(200)
  .transform((text) => text.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part))))
  .pipe(BBox)
  .refine(([, south, , north]) => south <= north, 'south must not be north of north')
  .describe('west,south,east,north in degrees (west > east crosses the antimeridian)');

const AsOf = isoDate.describe('count only detentions possibly running on this day (and say which certainly)');

export const mapRoutes = {
  map: route({
    method: 'get',
    path: '/map',
    tag: 'map',
    summary:
      'Located records (facilities, places, border crossings) in a box as a GeoJSON FeatureCollection: precision as an area radius, detentions per record, clusters with counts at low zoom',
    query: z
      .object({
        bbox: BBoxParam,
        types: LocatedTypes.optional(),
        asOf: AsOf.optional(),
        zoom: z.coerce.number().int().min(0).max(22).optional().describe('map zoom level: cluster for it'),
      })
      .strict(),
    responses: { 200: json(MapCollection), ...ERRORS },
  }),
  nearby: route({
    method: 'get',
    path: '/places/:id/nearby',
    tag: 'map',
    summary: 'Facilities (or other located types) within N km of a located place or facility, nearest first',
    params: z.object({ id: EntityId }),
    query: z
      .object({
        km: z.coerce.number().positive().max(2000).describe('radius in km'),
        types: LocatedTypes.optional(),
        asOf: AsOf.optional(),
        limit: intParam(1, 1000, 200),
      })
      .strict(),
    responses: { 200: json(MapCollection), ...ERRORS },
  }),
};
