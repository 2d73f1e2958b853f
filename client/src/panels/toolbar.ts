import { api } from '../api/client.js';
import type { RealizedView } from '../data/realize.js';
import { byId } from '../dom.js';
import { download, sceneToSvg, toGraphML } from '../graph/export.js';
import type { GraphView } from '../graph/graph-view.js';
import type { ViewCommands } from '../state/commands.js';
import type { ViewStore } from '../state/store.js';

export interface ToolbarDeps {
  store: ViewStore;
  commands: ViewCommands;
  graph: GraphView;
  canvas: HTMLCanvasElement;
  realized(): RealizedView;
  notify(m: string): void;
}

/** Undo/redo, fit, layout mode, list view and exports; buttons are in index.html, wired here. */
export function wireToolbar(deps: ToolbarDeps) {
  const { commands, graph } = deps;
  const on = (id: string, handler: () => void) => byId(id).addEventListener('click', handler);
  on('undo', commands.undo);
  on('redo', commands.redo);
  on('fit', () => graph.fit());
  on('zoom-in', () => graph.zoomBy(1.3));
  on('zoom-out', () => graph.zoomBy(1 / 1.3));
  on('clear', commands.clear);
  on('show-hidden', commands.showHidden);
  on('layout-force', () => commands.setLayout('force'));
  on('layout-family', () => {
    const state = deps.store.state;
    const root = state.selection?.kind === 'node' ? state.selection.id : state.familyRoot;
    if (root) commands.setLayout('family', root);
    else deps.notify('Select a person first: the family view is drawn around them.');
  });
  on('toggle-list', () => {
    const list = byId('list-view');
    list.hidden = !list.hidden;
    byId('toggle-list').setAttribute('aria-pressed', String(!list.hidden));
  });
  on('export-svg', () => download('kinline-view.svg', 'image/svg+xml', sceneToSvg(graph.scene, graph.groups)));
  on('export-png', () => {
    graph.renderNow();
    deps.canvas.toBlob((blob) => blob && download('kinline-view.png', 'image/png', blob));
  });
  on('export-json', () => {
    const view = deps.realized();
    const body = { exportedAt: new Date().toISOString(), url: location.href, nodes: view.nodes, edges: view.edges };
    download('kinline-view.json', 'application/json', JSON.stringify(body, null, 2));
  });
  on('export-graphml', async () => {
    const view = deps.realized();
    // The server's GraphML export carries the full records (redacted); offline, the view itself.
    const ids = view.nodes.map((n) => n.id);
    const fromServer = ids.length ? await api.export({ query: { format: 'graphml', ids } }).catch(() => null) : null;
    download('kinline-view.graphml', 'application/graphml+xml', fromServer ?? toGraphML(view.nodes, view.edges));
  });

  return {
    update(): void {
      (byId('undo') as HTMLButtonElement).disabled = !deps.store.canUndo;
      (byId('redo') as HTMLButtonElement).disabled = !deps.store.canRedo;
      const family = deps.store.state.layout === 'family';
      byId('layout-force').setAttribute('aria-pressed', String(!family));
      byId('layout-family').setAttribute('aria-pressed', String(family));
      (byId('show-hidden') as HTMLButtonElement).disabled = deps.store.state.hidden.length === 0;
    },
  };
}
