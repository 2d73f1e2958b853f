import './styles.css';
import { api, onApiFailure, onApiSuccess } from './api/client.js';
import { createAuditPage } from './audit/audit-page.js';
import { GraphCache } from './data/graph-cache.js';
import { realize, type RealizedView } from './data/realize.js';
import { byId, el } from './dom.js';
import { familyLayout } from './graph/family-layout.js';
import { createGraphView } from './graph/graph-view.js';
import { wireKeyboard } from './graph/keyboard.js';
import { createDetailsPanel } from './panels/details.js';
import { createFilterPanel } from './panels/filters.js';
import { renderLegend } from './panels/legend.js';
import { createSearchPanel } from './panels/search.js';
import { createTablePanel } from './panels/table.js';
import { createOutageBanner } from './outage/banner.js';
import { createPatternsPanel } from './patterns/panel.js';
import { createMapPanel } from './map/map-panel.js';
import { createAccount } from './session/account.js';
import { createPersonDialog } from './edit/person-dialog.js';
import { createRecordTools } from './edit/record-tools.js';
import { mayWrite } from '../../graph/access/roles.js';
import { createTimelinePanel } from './timeline/panel.js';
import { wireToolbar } from './panels/toolbar.js';
import { viewCommands } from './state/commands.js';
import { ViewStore } from './state/store.js';
import { decodeViewState, encodeViewState } from './state/url-codec.js';
import type { ViewState } from './state/view-state.js';

/**
 * Wires the explorer: one store (from the URL), one cache, the graph view and the panels. Every
 * change flows store -> URL -> realize(state, cache) -> views. The timeline (issue #5) mounts into
 * #timeline-panel and talks to the graph through `window.kinline.commands` and the store.
 */
const store = new ViewStore(decodeViewState(location.search));
const commands = viewCommands(store);
const cache = new GraphCache();
const canvas = byId<HTMLCanvasElement>('graph');
const status = byId('status');
let realized: RealizedView = realize(store.state, cache);
let shownKey = '';
const relateFrom: { id?: string; name?: string } = {};

const notify = (message: string) => {
  status.textContent = message;
  status.dataset.kind = 'info';
};

const graph = createGraphView(canvas, {
  select: (target) => commands.select(target),
  expand: (id) => commands.expand(id),
  moved: (id, x, y) => {
    if (store.state.pinned[id]) commands.pin(id, [x, y]);
  },
  settled: (stats) => {
    document.body.dataset.layout = 'settled';
    document.body.dataset.layoutMillis = String(Math.round(stats.millis));
  },
});
// Edits read the changed records again and redraw; a deleted record leaves the view.
const tools = createRecordTools({
  mayWrite: () => {
    const user = account.user();
    return Boolean(user && mayWrite(user));
  },
  notify,
  async changed(ids, message) {
    await cache.refresh(ids);
    await sync(store.state, 'edit');
    notify(message);
  },
  async deleted(kind, id, message) {
    if (kind === 'entity') {
      cache.drop(id);
      commands.hide(id);
    } else {
      await cache.dropEdge(id);
      commands.select(undefined);
    }
    await sync(store.state, 'edit');
    notify(message);
  },
});
const details = createDetailsPanel(byId('details'), {
  tools,
  cache,
  commands,
  notify,
  relateFrom,
  state: () => store.state,
  realized: () => realized,
  positionOf: (id) => {
    const n = graph.scene.node(id);
    return n ? [n.x, n.y] : undefined;
  },
});
const filters = createFilterPanel(byId('filters'), commands);
const table = createTablePanel(byId('list-view'), commands);
const toolbar = wireToolbar({ store, commands, graph, canvas, realized: () => realized, notify });
const search = createSearchPanel(byId<HTMLFormElement>('search'), byId('search-results'), (ids) =>
  commands.selectNodes(ids),
);
renderLegend(byId('legend'));
wireKeyboard(canvas, graph, store, commands, (m) => {
  byId('announcer').textContent = m;
});

let syncing = 0;
async function sync(state: ViewState, reason: string): Promise<void> {
  const mine = ++syncing;
  document.body.dataset.ready = 'false';
  status.dataset.kind = 'loading';
  status.textContent = 'Loading…';
  let failed = false;
  try {
    await cache.ensure(state);
  } catch (error) {
    if (mine !== syncing) return;
    failed = true;
    status.dataset.kind = 'error';
    status.textContent = `Could not load part of the view: ${(error as Error).message}`;
  }
  if (mine !== syncing) return;
  realized = realize(state, cache);
  const key = `${state.layout}|${state.familyRoot}|${realized.nodes.map((n) => n.id).join(',')}|${realized.edges.map((e) => e.id).join(',')}|${JSON.stringify(state.pinned)}`;
  if (key !== shownKey) {
    shownKey = key;
    const tree = state.layout === 'family' && state.familyRoot ? cache.families.get(state.familyRoot) : undefined;
    graph.show(realized.nodes, realized.edges, { pinned: state.pinned, family: tree ? familyLayout(tree) : undefined });
  }
  graph.setHighlight({
    selectedNode: state.selection?.kind === 'node' ? state.selection.id : undefined,
    selectedEdge: state.selection?.kind === 'edge' ? state.selection.id : undefined,
    pathEdges: realized.pathEdges,
    ...(realized.pathNodes.size
      ? { keepNodes: withSelection(realized.pathNodes, state), keepEdges: realized.pathEdges }
      : {}),
  });
  renderPathBanner(state);
  if (status.dataset.kind === 'loading') {
    status.textContent = summary();
    status.dataset.kind = 'info';
  }
  renderEmptyState(realized.nodes.length === 0, failed && state.seeds.length > 0);
  filters.render(state.filters);
  table.render(realized, state.selection?.id);
  toolbar.update();
  if (reason !== 'filters' || !state.selection) void details.show(state.selection);
  document.body.dataset.ready = 'true';
}

/** While a path is highlighted, the selected node or edge stays bright too. */
function withSelection(nodes: ReadonlySet<string>, state: ViewState): Set<string> {
  const keep = new Set(nodes);
  const selected = state.selection;
  if (selected?.kind === 'node') keep.add(selected.id);
  const edge = selected?.kind === 'edge' ? cache.edges.get(selected.id) : undefined;
  if (edge) {
    keep.add(edge.source);
    keep.add(edge.target);
  }
  return keep;
}

function renderEmptyState(empty: boolean, failed: boolean): void {
  const box = byId('empty-state');
  box.hidden = !empty;
  if (!empty) return;
  box.replaceChildren(
    ...(failed
      ? [
          el('h2', { text: 'This view could not be loaded yet' }),
          el('p', {
            text: 'The link is fine and is kept in the address bar. When the database is back, choose “Try again” in the banner above.',
          }),
        ]
      : [
          el('h2', { text: 'Start with a name' }),
          el('p', {
            text: 'Search for a person, a place, a facility or an organisation, in any script. Choose a result to place it here, then double-click it to see who and what it is connected to.',
          }),
        ]),
  );
}

function summary(): string {
  const missing = realized.missing.length ? ` ${realized.missing.length} linked entities are no longer available.` : '';
  return realized.nodes.length
    ? `${realized.nodes.length} entities, ${realized.edges.length} relationships on screen.${missing}`
    : `Nothing on screen yet.${missing}`;
}

function renderPathBanner(state: ViewState): void {
  const banner = byId('path-banner');
  banner.hidden = !state.path;
  if (!state.path) return;
  const name = (id: string) => cache.nodes.get(id)?.name ?? id;
  const text = realized.pathNodes.size
    ? realized.relation
      ? `${name(state.path.from)} is the ${realized.relation} of ${name(state.path.to)}.`
      : `${name(state.path.from)} and ${name(state.path.to)} are connected in ${realized.pathEdges.size} steps (highlighted).`
    : `No path found between ${name(state.path.from)} and ${name(state.path.to)}.`;
  banner.replaceChildren(
    el('span', { className: 'relation-text', text }),
    ' ',
    el('button', { type: 'button', onclick: () => commands.clearPath() }, 'Clear'),
  );
}

store.subscribe(({ state, reason }) => {
  history.replaceState(null, '', `${location.pathname}?${encodeViewState(state)}`);
  void sync(state, reason);
});

const outage = createOutageBanner(byId('banner'), {
  healthy: () =>
    api.health().then(
      () => true,
      () => false,
    ),
  recovered: () => void sync(store.state, 'retry'),
});
onApiFailure(outage.show);
onApiSuccess(outage.hide);

async function checkHealth(): Promise<void> {
  await api.health().catch(() => undefined);
}

// Issue #5: the timeline under the graph, and the pattern views that open in both.
const timeline = createTimelinePanel(byId('timeline-panel'), {
  store,
  commands,
  cache,
  notify,
  realized: () => realized,
  redrawGraph: () => graph.setHighlight(graph.highlight),
});
createPatternsPanel(byId('patterns'), { open: timeline.openPeople, asOf: () => store.state.asOf });
// Issue 16: the map of facilities, places and crossings.
createMapPanel(byId('map-panel'), byId<HTMLButtonElement>('toggle-map'), { store, commands });

declare global {
  interface Window {
    kinline: {
      store: ViewStore;
      commands: typeof commands;
      graph: typeof graph;
      cache: GraphCache;
      realized(): RealizedView;
      search: typeof search;
      timeline: typeof timeline;
    };
  }
}
window.kinline = { store, commands, graph, cache, realized: () => realized, search, timeline };

// Who reads decides what every panel shows: the view loads once the session is known, and only
// when this reader may read (a server without anonymous reading asks to sign in first).
const auditPage = createAuditPage(byId('audit-page'));
// A person added through the form is shown at once, selected, as a search result would be.
const addPerson = createPersonDialog((id, name) => {
  commands.selectNodes([id]);
  notify(`Added ${name}.`);
});
const account = createAccount(byId('account'), {
  openAudit: () => auditPage.open(),
  addPerson: () => addPerson.open(),
});
void checkHealth();
void account
  .start()
  .then((session) => {
    if (session.user || session.anonymousReading) return sync(store.state, 'load');
    status.textContent = 'Sign in to read this server.';
  })
  // The session could not be read (server or database down): the view's own requests raise the banner.
  .catch(() => sync(store.state, 'load'));
