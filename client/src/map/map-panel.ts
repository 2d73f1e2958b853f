import type { viewCommands } from '../state/commands.js';
import type { ViewStore } from '../state/store.js';
import type { ViewState } from '../state/view-state.js';
import { createMapView } from './map-view.js';

/** Where the map opens: Xinjiang and its border with Kazakhstan. */
const FIRST_VIEW = { lon: 82, lat: 42, zoom: 4 };

/**
 * The map panel and its toolbar toggle: shown while the state has a map view, redrawn when the
 * view, the as-of day or the selection changes. Choosing a record selects it in the graph, which
 * opens its timeline (the timeline follows the selected node).
 */
export function createMapPanel(
  root: HTMLElement,
  toggle: HTMLButtonElement,
  deps: { store: ViewStore; commands: ReturnType<typeof viewCommands> },
) {
  const view = createMapView(root, {
    select: (id) => deps.commands.selectNodes([id]),
    moved: (next) => deps.commands.setMapView(next),
  });
  let shown = '';
  toggle.addEventListener('click', () => deps.commands.setMapView(deps.store.state.map ? undefined : FIRST_VIEW));
  function sync(state: ViewState): void {
    root.hidden = !state.map;
    toggle.setAttribute('aria-pressed', String(Boolean(state.map)));
    if (!state.map) return;
    const selected = state.selection?.kind === 'node' ? state.selection.id : undefined;
    const key = JSON.stringify([state.map, state.asOf, selected]);
    if (key === shown) return;
    shown = key;
    void view.render({ view: state.map, asOf: state.asOf, selected });
  }
  deps.store.subscribe(({ state }) => sync(state));
  sync(deps.store.state);
}
