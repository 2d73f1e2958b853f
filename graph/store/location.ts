import type { Dataset } from '../schema/index.js';
import { LOCATED_TYPES } from '../vocabulary/entity-fields.js';
import { chunks } from './batches.js';
import type { Section, Step } from './load-plan.js';

/**
 * Cypher: `n.location`, a WGS-84 point (SRID 4326) from the record's own `latitude` and
 * `longitude`, for the point indexes the map and "within N km" read (graph/vocabulary
 * entity-types.ts, `facility_location`, `place_location`); removed when either is missing. Derived
 * after the records are written, on both load paths, so the stored fields stay the dataset's own
 * (an export writes `latitude`/`longitude`, never the point).
 */
const SET_LOCATION = `UNWIND $rows AS id MATCH (n:Entity {id: id})
  SET n.location = CASE WHEN n.latitude IS NULL OR n.longitude IS NULL THEN null
    ELSE point({latitude: n.latitude, longitude: n.longitude}) END`;

/** Steps that bring the location points of the file's located records up to date. */
export function locationSteps(data: Dataset, batchSize: number): Section {
  const located: ReadonlySet<string> = new Set(LOCATED_TYPES);
  const ids = data.entities.filter((e) => located.has(e.type)).map((e) => e.id);
  function* steps(): Generator<Step> {
    for (const batch of chunks(ids, batchSize)) yield { cypher: SET_LOCATION, params: { rows: batch } };
  }
  return { rows: ids.length, steps };
}
