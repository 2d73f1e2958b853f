import { geoCircle, geoPath } from 'd3-geo';
import { select } from 'd3-selection';
import { zoom as d3zoom, zoomIdentity } from 'd3-zoom';
import { api } from '../api/client.js';
import type { MapView } from '../state/view-state.js';
import { ENTITY_TYPE_INFO, type EntityType } from '../../../graph/vocabulary/entity-types.js';
import type { MapCollection } from '../../../graph/views/map.js';
import { countries } from './basemap.js';
import { bboxOf, movedView, projectionOf } from './projection.js';

const SVG = 'http://www.w3.org/2000/svg';

export interface MapViewOptions {
  /** A record chosen on the map: selected in the graph and the timeline. */
  select(id: string): void;
  /** The researcher panned or zoomed: the new view (kept in the URL). */
  moved(view: MapView): void;
}

/** What the map draws: its view, the as-of day, and the record selected elsewhere. */
export interface MapState {
  view: MapView;
  asOf?: string;
  selected?: string;
}

type Feature = MapCollection['features'][number];

/**
 * The map (issue 16): the Natural Earth basemap and the located records of the view's box from
 * GET /api/map, drawn with d3-geo in SVG. Clusters are circles with their count; a record known
 * only to a city or region is drawn as a shaded area of that radius under its symbol, never as a
 * lone point; symbols take their type's colour and glyph from the vocabulary. Dragging and the
 * wheel move the view; the store keeps it in the URL, so a link restores the same map.
 */
export function createMapView(root: HTMLElement, options: MapViewOptions) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'map-canvas');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'Map of facilities, places and border crossings');
  root.replaceChildren(svg);
  const layer = select(svg).append('g');
  let drawn: MapState | undefined;
  let request = 0;
  let projection = projectionOf({ lon: 0, lat: 0, zoom: 1 }, 1, 1);
  const size = (): [number, number] => [root.clientWidth || 800, root.clientHeight || 400];

  const behaviour = d3zoom<SVGSVGElement, unknown>()
    .scaleExtent([1 / 64, 64])
    .on('zoom', (event) => layer.attr('transform', event.transform.toString()))
    .on('end', (event) => {
      const t = event.transform;
      if (!drawn || (t.k === 1 && t.x === 0 && t.y === 0)) return;
      options.moved(movedView(drawn.view, projection, t, size()));
    });
  select(svg).call(behaviour).on('dblclick.zoom', null);

  async function render(state: MapState): Promise<void> {
    const [width, height] = size();
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    projection = projectionOf(state.view, width, height);
    drawn = state;
    select(svg).call(behaviour.transform, zoomIdentity);
    const path = geoPath(projection);
    layer.selectAll('*').remove();
    layer
      .append('path')
      .attr('class', 'map-land')
      .attr('d', path(countries()) ?? '');
    root.dataset.ready = 'false';
    const mine = ++request;
    const bbox = bboxOf(projection, width, height);
    const answer = await api.map({
      query: { bbox, zoom: Math.round(state.view.zoom), ...(state.asOf ? { asOf: state.asOf } : {}) },
    });
    if (mine !== request) return;
    drawFeatures(answer.features, state, path);
    root.dataset.features = String(answer.features.length);
    root.dataset.view = `${state.view.lon.toFixed(3)},${state.view.lat.toFixed(3)},${state.view.zoom.toFixed(1)}`;
    root.dataset.ready = 'true';
  }

  function drawFeatures(features: Feature[], state: MapState, path: ReturnType<typeof geoPath>): void {
    const areas = layer.append('g').attr('class', 'map-areas');
    const symbols = layer.append('g').attr('class', 'map-symbols');
    for (const feature of features) {
      const [x, y] = projection(feature.geometry.coordinates) ?? [Number.NaN, Number.NaN];
      if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
      const p = feature.properties;
      const g = symbols.append('g').attr('transform', `translate(${x},${y})`).attr('data-id', p.id);
      if ('cluster' in p) {
        g.attr('class', 'map-cluster').attr('data-count', p.count);
        g.append('circle').attr('r', 9 + 3 * Math.log2(p.count));
        g.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em').text(String(p.count));
        g.append('title').text(`${p.count} records; ${p.detentions} detentions. Zoom in to tell them apart.`);
        continue;
      }
      const info = ENTITY_TYPE_INFO[p.type as EntityType];
      if (p.radiusKm > 0) {
        const circle = geoCircle()
          .center(feature.geometry.coordinates)
          .radius(p.radiusKm / 111.32)();
        areas
          .append('path')
          .attr('class', 'map-area')
          .attr('data-id', p.id)
          .attr('d', path(circle) ?? '');
      }
      g.attr('class', `map-record${state.selected === p.id ? ' selected' : ''}`)
        .attr('data-type', p.type)
        .attr('data-detentions', p.detentions)
        .attr('tabindex', 0)
        .attr('role', 'button')
        .attr('aria-label', `${p.name} (${p.kind ?? p.type})`);
      g.append('circle').attr('r', 7).attr('fill', info.colour);
      g.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em').text(info.icon);
      if (p.detentions > 0)
        g.append('text').attr('class', 'map-count').attr('x', 9).attr('dy', '-0.4em').text(String(p.detentions));
      const area = p.radiusKm > 0 ? `, somewhere within ${p.radiusKm} km (${p.precision} only)` : '';
      g.append('title').text(`${p.name}${area}; ${p.detentions} detentions${state.asOf ? ` on ${state.asOf}` : ''}`);
      g.on('click', () => options.select(p.id)).on('keydown', (event: KeyboardEvent) => {
        if (event.key === 'Enter') options.select(p.id);
      });
    }
  }

  return { render };
}
