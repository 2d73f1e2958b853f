import { ENTITY } from './entity-types.js';

/**
 * How exactly a record locates where something happened, finest first: an identified facility
 * (ESMA, "Urumqi No. 3 Detention Centre"); only the type of facility in a city ("a prison in
 * Urumqi", a record named "Prison, Urumqi"); a city; a region or country. Two people held "at"
 * the same record are certainly together only at an identified facility: two prisons in one
 * city are one record of the second kind (graph/README.md, "Where, with precision").
 */
export const LOCATION_PRECISIONS = ['facility', 'facility-type', 'city', 'region'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];

/** What a reader is shown for a precision. */
export const PRECISION_LABELS: Record<LocationPrecision, string> = {
  facility: 'identified facility',
  'facility-type': 'a facility of this type in a city, not identified',
  city: 'city only',
  region: 'region only',
};

/**
 * How far from its coordinates a record of each precision may lie, in km: the map draws a city- or
 * region-level location as an area of this radius, never as a false point. A rough city (Urumqi's
 * urban area is ~40 km across) and a rough prefecture; an identified facility is a point.
 */
export const PRECISION_RADIUS_KM: Record<LocationPrecision, number> = {
  facility: 0,
  'facility-type': 20,
  city: 20,
  region: 250,
};

/** The place kinds (entity-fields.ts, Place.kind) and the precision each gives. */
export const PLACE_KIND_PRECISION = {
  country: 'region',
  region: 'region',
  city: 'city',
  district: 'city',
  'border-crossing': 'facility',
  address: 'facility',
  other: 'region',
} as const satisfies Record<string, LocationPrecision>;
export type PlaceKind = keyof typeof PLACE_KIND_PRECISION;
export const PLACE_KINDS = Object.keys(PLACE_KIND_PRECISION) as unknown as readonly [PlaceKind, ...PlaceKind[]];

/**
 * A record's precision: a Facility's own `precision` (default: an identified facility), a
 * Place's from its kind; anything else (or an unknown kind) is taken as coarse as a region.
 */
export function precisionOf(record: { type?: unknown; kind?: unknown; precision?: unknown }): LocationPrecision {
  if (record.type === ENTITY.Facility)
    return (LOCATION_PRECISIONS as readonly unknown[]).includes(record.precision)
      ? (record.precision as LocationPrecision)
      : 'facility';
  if (record.type === ENTITY.Place && typeof record.kind === 'string' && record.kind in PLACE_KIND_PRECISION)
    return PLACE_KIND_PRECISION[record.kind as PlaceKind];
  return 'region';
}

/** Only an identified facility makes "held at the same place" certain. */
export const isIdentified = (precision: LocationPrecision) => precision === 'facility';
