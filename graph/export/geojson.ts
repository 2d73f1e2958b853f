import type { Dataset } from '../schema/index.js';
import { LOCATED_TYPES } from '../vocabulary/entity-fields.js';
import type { Footprint } from '../vocabulary/geometry.js';

type Located = Dataset['entities'][number] & { latitude?: number; longitude?: number; footprint?: Footprint };
const LOCATED: ReadonlySet<string> = new Set(LOCATED_TYPES);

/**
 * The located records (the types with `latitude` and `longitude`) as a GeoJSON FeatureCollection
 * (RFC 7946), in the form a GeoJSON import without a mapping reads back (graph/import/geojson):
 * `id`, `type`, `name`, `names` and the record's own fields as properties; the geometry is the
 * point, or a facility's footprint with the point kept as `latitude`/`longitude`. Statements are
 * left to the JSON form. The dataset is the reader's redacted one (graph/export/index.ts).
 */
export function toGeoJson(data: Dataset): string {
  const features = (data.entities as Located[]).flatMap((entity) => {
    if (!LOCATED.has(entity.type)) return [];
    const { latitude, longitude, footprint, statements: _statements, names, ...fields } = entity;
    const point = typeof latitude === 'number' && typeof longitude === 'number' ? [longitude, latitude] : undefined;
    if (!point && !footprint) return [];
    const name = (names.find((n) => n.kind === 'primary') ?? names[0])?.value;
    return [
      {
        type: 'Feature',
        id: entity.id,
        geometry: footprint ?? { type: 'Point', coordinates: point },
        properties: { ...fields, name, names, ...(footprint && point ? { latitude, longitude } : {}) },
      },
    ];
  });
  return `${JSON.stringify({ type: 'FeatureCollection', features }, null, 1)}\n`;
}
