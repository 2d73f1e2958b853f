import type { GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };

/**
 * The basemap: Natural Earth's countries at 1:110m, shipped in the bundle (npm `world-atlas`), so
 * the map never asks a third-party tile server for anything: a tile request would tell its owner
 * which area a researcher is studying (issue 16).
 */
export function countries(): GeoPermissibleObjects {
  const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
  return feature(topology, topology.objects.countries);
}
