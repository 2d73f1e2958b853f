import { read } from '../db/driver.js';
import { cypherInt } from '../db/page.js';
import type { Props } from '../db/props.js';
import type { ReadScope } from '../read/scope.js';
import { LOCATED_TYPES } from '../vocabulary/entity-fields.js';
import { ENTITY, type EntityType } from '../vocabulary/entity-types.js';
import { EVENT_KIND_NAMES, statusOfKind } from '../vocabulary/event-kinds.js';
import { PRECISION_RADIUS_KM, precisionOf } from '../vocabulary/precision.js';
import { Footprint, type BBox, type LocatedFeature, MAX_MAP_FEATURES, type MapCollection } from '../views/map.js';
import { findNode } from './entity.js';
import { clusterOnGrid } from './map-grid.js';

export interface MapQuery {
  bbox: BBox;
  types?: readonly EntityType[];
  /** A day: count only the detentions possibly running on it. */
  asOf?: string;
  /** The map's zoom level: records close together at it come back as clusters. */
  zoom?: number;
}

/** Kinds whose events hold their subject at the place: what `detentions` counts. */
const DETENTION_KINDS = EVENT_KIND_NAMES.filter((kind) => statusOfKind(kind) === 'detained');

/**
 * Cypher (after `n` is bound): the detentions at `n` this reader's timeline of it shows (its
 * `knowable` events; withheld ones are shown there untitled, so a count tells nothing more),
 * and with `$asOf` only those possibly, and separately certainly, running on that day, by the
 * same rules as the four states (graph/dates/certainty.ts `certaintyOn`; undated: possibly, at
 * an unknown time).
 */
const detentionCounts = (scope: ReadScope) => `
  COUNT { MATCH (n)<-[:OCCURRED_AT]-(e:Event) WHERE e.kind IN $detentionKinds AND ${scope.knowable('e')}
    AND ($asOf IS NULL OR ((e.startEarliest IS NULL OR e.startEarliest <= $asOf)
      AND (e.endLatest IS NULL OR e.endLatest >= $asOf))) } AS detentions,
  CASE WHEN $asOf IS NULL THEN null ELSE COUNT { MATCH (n)<-[:OCCURRED_AT]-(e:Event)
    WHERE e.kind IN $detentionKinds AND ${scope.knowable('e')}
      AND e.startLatest <= $asOf AND (e.openEnd = 'open' OR e.endEarliest >= $asOf) } END AS certain`;

interface Row {
  n: Props;
  detentions: number;
  certain: number | null;
  distance?: number;
}

/**
 * Located records of one type inside a box, through its point index. Only records this reader
 * may read: a withheld place (one named after someone protected, an address) keeps its
 * coordinates to itself, and leaving it out says nothing a pseudonym would not.
 */
const inBox = (scope: ReadScope, type: EntityType) => `
  MATCH (n:${type}) WHERE point.withinBBox(n.location,
      point({longitude: $west, latitude: $south}), point({longitude: $east, latitude: $north}))
    AND ${scope.readable('n')}
  WITH n ORDER BY n.id LIMIT $limit
  RETURN properties(n) AS n, ${detentionCounts(scope)}`;

const params = (scope: ReadScope, asOf: string | undefined) => ({
  ...scope.cypherParams,
  detentionKinds: DETENTION_KINDS,
  asOf: asOf ?? null,
});

/** One record as a map feature (the reader may read it: the queries select only such). */
function featureOf(scope: ReadScope, row: Row): LocatedFeature {
  const view = scope.present(row.n);
  const precision = precisionOf(row.n);
  const footprint =
    typeof row.n.footprintJson === 'string' ? Footprint.safeParse(JSON.parse(row.n.footprintJson)) : undefined;
  return {
    type: 'Feature',
    id: view.id,
    geometry: { type: 'Point', coordinates: [Number(row.n.longitude), Number(row.n.latitude)] },
    properties: {
      id: view.id,
      type: view.type,
      name: view.name,
      ...(view.kind ? { kind: view.kind } : {}),
      precision,
      radiusKm: PRECISION_RADIUS_KM[precision],
      detentions: Number(row.detentions),
      ...(row.certain === null ? {} : { detentionsCertain: Number(row.certain) }),
      ...(footprint?.success ? { footprint: footprint.data } : {}),
      ...(row.distance === undefined ? {} : { distanceKm: Math.round(row.distance) / 1000 }),
      ...(view.synthetic ? { synthetic: true as const } : {}),
    },
  };
}

/** GET /api/map: the located records in a box as GeoJSON, clustered for the zoom when given. */
export async function mapFeatures(scope: ReadScope, query: MapQuery): Promise<MapCollection> {
  const [west, south, east, north] = query.bbox;
  const types = query.types?.length ? query.types : LOCATED_TYPES;
  const rows = (
    await Promise.all(
      types.map((type) =>
        read<Row>(inBox(scope, type), {
          ...params(scope, query.asOf),
          west,
          south,
          east,
          north,
          limit: cypherInt(MAX_MAP_FEATURES + 1),
        }),
      ),
    )
  ).flatMap((result) => result.records.map((r) => r.toObject()));
  const truncated = rows.length > MAX_MAP_FEATURES;
  const located = rows.slice(0, MAX_MAP_FEATURES).map((row) => featureOf(scope, row));
  return {
    type: 'FeatureCollection',
    bbox: query.bbox,
    features: query.zoom === undefined ? located : clusterOnGrid(located, query.zoom),
    truncated,
    ...(query.asOf ? { asOf: query.asOf } : {}),
  };
}

export interface NearbyQuery {
  km: number;
  types?: readonly EntityType[];
  asOf?: string;
  limit: number;
}

/**
 * GET /api/places/:id/nearby: the records (facilities by default) within `km` of a located
 * record, nearest first, through the point index (`point.distance` against a literal point).
 * Null when the id names nothing this reader may read, or a record without coordinates.
 */
export async function nearby(scope: ReadScope, id: string, query: NearbyQuery): Promise<MapCollection | null> {
  const anchor = await findNode(scope, id);
  if (!anchor || !scope.mayRead(anchor) || typeof anchor.latitude !== 'number' || typeof anchor.longitude !== 'number')
    return null;
  const types = query.types?.length ? query.types : [ENTITY.Facility];
  const results = await Promise.all(
    types.map((type) =>
      read<Row>(
        `WITH point({latitude: $lat, longitude: $lon}) AS here
         MATCH (n:${type}) WHERE point.distance(n.location, here) <= $meters AND n.id <> $anchorId
           AND ${scope.readable('n')}
         WITH n, point.distance(n.location, here) AS distance ORDER BY distance, n.id LIMIT $limit
         RETURN properties(n) AS n, distance, ${detentionCounts(scope)}`,
        {
          ...params(scope, query.asOf),
          lat: anchor.latitude,
          lon: anchor.longitude,
          meters: query.km * 1000,
          anchorId: anchor.id,
          limit: cypherInt(query.limit + 1),
        },
      ),
    ),
  );
  const rows = results
    .flatMap((result) => result.records.map((r) => r.toObject()))
    .sort((a, b) => (a.distance ?? 0) - (b.distance ?? 0));
  return {
    type: 'FeatureCollection',
    features: rows.slice(0, query.limit).map((row) => featureOf(scope, row)),
    truncated: rows.length > query.limit,
    ...(query.asOf ? { asOf: query.asOf } : {}),
  };
}
