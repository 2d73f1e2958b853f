import { type GeoProjection, geoMercator } from 'd3-geo';
import type { MapView } from '../state/view-state.js';

/** Pixels per world at zoom 0: one 256-pixel tile (Web Mercator, as tile servers count zoom). */
const TILE = 256;

/** The Web Mercator projection of a map view on a canvas of this size: the view's centre in the middle. */
export function projectionOf(view: MapView, width: number, height: number): GeoProjection {
  return geoMercator()
    .scale((TILE * 2 ** view.zoom) / (2 * Math.PI))
    .center([view.lon, view.lat])
    .translate([width / 2, height / 2]);
}

/** West, south, east, north of what the canvas shows, clamped to the globe. */
export function bboxOf(projection: GeoProjection, width: number, height: number): [number, number, number, number] {
  const [west, north] = projection.invert?.([0, 0]) ?? [-180, 85];
  const [east, south] = projection.invert?.([width, height]) ?? [180, -85];
  const clamp = (n: number, limit: number) => Math.max(-limit, Math.min(limit, n));
  return [clamp(west, 180), clamp(south, 85), clamp(east, 180), clamp(north, 85)];
}

/** Pixels a distance in km spans at a latitude (Mercator stretches by 1 / cos(latitude)). */
export function kmToPixels(km: number, lat: number, zoom: number): number {
  const kmPerPixel = (40_075 * Math.cos((lat * Math.PI) / 180)) / (TILE * 2 ** zoom);
  return km / kmPerPixel;
}

/** The view after a d3-zoom transform (translate x, y; scale k) of the canvas it was drawn on. */
export function movedView(
  view: MapView,
  projection: GeoProjection,
  t: { x: number; y: number; k: number },
  size: [number, number],
): MapView {
  const centre = projection.invert?.([(size[0] / 2 - t.x) / t.k, (size[1] / 2 - t.y) / t.k]) ?? [view.lon, view.lat];
  const zoom = Math.max(0, Math.min(18, view.zoom + Math.log2(t.k)));
  return { lon: Math.max(-180, Math.min(180, centre[0])), lat: Math.max(-85, Math.min(85, centre[1])), zoom };
}
