import type { BBox, ClusterFeature, LocatedFeature } from '../views/map.js';

/** At this zoom and closer, every record is its own symbol. */
export const CLUSTER_MAX_ZOOM = 12;
/** Cells per 256-pixel tile width: records within ~64 pixels of each other share a symbol. */
const CELLS_PER_TILE = 4;

/** The grid cell size in degrees at a zoom level (Web Mercator: a tile spans 360 / 2^zoom degrees). */
export const cellDegrees = (zoom: number) => 360 / 2 ** zoom / CELLS_PER_TILE;

/**
 * Grid clustering (as Leaflet.markercluster's grid and Supercluster's first pass do): records in
 * the same cell of a grid sized for the zoom become one cluster with their count, at their mean
 * position; a cell holding one record keeps it. Cells are in degrees, not projected pixels: at
 * Xinjiang's latitudes a cell is ~1.3 times as tall on screen as wide, which clustering tolerates.
 */
export function clusterOnGrid(features: readonly LocatedFeature[], zoom: number): (LocatedFeature | ClusterFeature)[] {
  if (zoom >= CLUSTER_MAX_ZOOM) return [...features];
  const size = cellDegrees(zoom);
  const cells = new Map<string, LocatedFeature[]>();
  for (const feature of features) {
    const [lon, lat] = feature.geometry.coordinates;
    const key = `${Math.floor(lon / size)}:${Math.floor(lat / size)}`;
    const cell = cells.get(key);
    if (cell) cell.push(feature);
    else cells.set(key, [feature]);
  }
  return [...cells].map(([key, members]) => (members.length === 1 ? members[0]! : clusterOf(key, zoom, members)));
}

function clusterOf(key: string, zoom: number, members: readonly LocatedFeature[]): ClusterFeature {
  const lons = members.map((m) => m.geometry.coordinates[0]);
  const lats = members.map((m) => m.geometry.coordinates[1]);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const types: Record<string, number> = {};
  for (const m of members) types[m.properties.type] = (types[m.properties.type] ?? 0) + 1;
  const bbox: BBox = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
  const id = `cluster:${zoom}:${key}`;
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [mean(lons), mean(lats)] },
    properties: {
      cluster: true,
      id,
      count: members.length,
      types,
      detentions: members.reduce((n, m) => n + m.properties.detentions, 0),
      bbox,
    },
  };
}
