import type { EntityType } from '../api/types.js';
import type { ViewStore } from './store.js';
import type { Filters, LayoutMode, MapView, Selection } from './view-state.js';

/** Neighbours fetched per page when a node is expanded ("+140 more" pages through a hub). */
export const EXPANSION_PAGE = 50;

/**
 * Every way the view can change, as named commands. The graph, the panels, the keyboard and
 * (issue #5) the timeline all call these; the store records them for undo and the URL.
 */
export function viewCommands(store: ViewStore) {
  return {
    select(selection: Selection | undefined): void {
      store.update(
        'select',
        (s) => {
          s.selection = selection;
        },
        { record: false },
      );
    },
    /** Puts entities in view (search hits, timeline items) and selects the first. */
    selectNodes(ids: readonly string[]): void {
      store.update('select-nodes', (s) => {
        for (const id of ids) if (!s.seeds.includes(id)) s.seeds.push(id);
        s.hidden = s.hidden.filter((h) => !ids.includes(h));
        const first = ids[0];
        if (first) s.selection = { kind: 'node', id: first };
        if (s.layout === 'family' && first && !ids.every((id) => s.seeds.includes(id))) s.layout = 'force';
      });
    },
    /** One more page of neighbours; a different type filter starts a new expansion. */
    expand(id: string, types?: EntityType[]): void {
      store.update('expand', (s) => {
        const key = (types ?? []).join('.');
        const existing = s.expanded.find((e) => e.id === id && (e.types ?? []).join('.') === key);
        if (existing) existing.limit += EXPANSION_PAGE;
        else s.expanded.push({ id, limit: EXPANSION_PAGE, ...(types?.length ? { types } : {}) });
        s.layout = 'force';
      });
    },
    collapse(id: string): void {
      store.update('collapse', (s) => {
        s.expanded = s.expanded.filter((e) => e.id !== id);
      });
    },
    hide(id: string): void {
      store.update('hide', (s) => {
        if (!s.hidden.includes(id)) s.hidden.push(id);
        if (s.selection?.id === id) s.selection = undefined;
      });
    },
    showHidden(): void {
      store.update('show-hidden', (s) => {
        s.hidden = [];
      });
    },
    pin(id: string, at: [number, number]): void {
      store.update('pin', (s) => {
        s.pinned[id] = [Math.round(at[0]), Math.round(at[1])];
      });
    },
    unpin(id: string): void {
      store.update('unpin', (s) => {
        delete s.pinned[id];
      });
    },
    setLayout(layout: LayoutMode, familyRoot?: string): void {
      store.update('layout', (s) => {
        s.layout = layout;
        if (familyRoot) s.familyRoot = familyRoot;
      });
    },
    relate(from: string, to: string): void {
      store.update('relate', (s) => {
        s.path = { from, to };
      });
    },
    clearPath(): void {
      store.update('clear-path', (s) => {
        s.path = undefined;
      });
    },
    setFilters(change: Partial<Filters>): void {
      store.update('filters', (s) => {
        s.filters = { ...s.filters, ...change };
      });
    },
    clear(): void {
      store.update('clear', (s) => {
        s.seeds = [];
        s.expanded = [];
        s.hidden = [];
        s.pinned = {};
        s.selection = undefined;
        s.path = undefined;
        s.layout = 'force';
      });
    },
    /** Issue 16: opens, moves or (undefined) closes the map. */
    setMapView(view: MapView | undefined): void {
      store.update('map', (s) => {
        s.map = view;
      });
    },
    /** Issue #5: the graph as it stood on a date. */
    setAsOf(date: string | undefined): void {
      store.update('as-of', (s) => {
        s.asOf = date;
      });
    },
    /** Issue #5: a window brushed on the timeline filters the graph. */
    setTimeWindow(from: string | undefined, to: string | undefined): void {
      store.update('time-window', (s) => {
        s.filters.from = from;
        s.filters.to = to;
      });
    },
    undo: () => store.undo(),
    redo: () => store.redo(),
  };
}
export type ViewCommands = ReturnType<typeof viewCommands>;
