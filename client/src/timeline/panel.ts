import { queryOfScope } from '../../../server/contract/timeline.js';
import { api } from '../api/client.js';
import type { DatedEventView, Timeline, TimelineItem, TimelineScope } from '../api/types.js';
import { MAX_TIMELINE_EVENTS } from '../../../graph/views/events.js';
import type { RealizedView } from '../data/realize.js';
import type { GraphCache } from '../data/graph-cache.js';
import { el } from '../dom.js';
import type { ViewCommands } from '../state/commands.js';
import type { ViewStore } from '../state/store.js';
import type { ViewState } from '../state/view-state.js';
import { applyStatusRule, loadAsOf, type AsOfView } from './as-of.js';
import { createEvidencePane } from './evidence-pane.js';
import { sameScope, scopeKey, scopeOfNode } from './scope.js';
import { createTimelineView } from './timeline-view.js';
import { createUndatedRow } from './undated-row.js';
import './timeline.css';
import { ENTITY } from '../../../graph/vocabulary/entity-types.js';

/** Items fetched per timeline request; the API allows up to 5,000 and says when it truncated. */
const TIMELINE_LIMIT = MAX_TIMELINE_EVENTS;

export interface TimelinePanelDeps {
  store: ViewStore;
  commands: ViewCommands;
  cache: GraphCache;
  realized(): RealizedView;
  /** Redraws the graph after the as-of status rule changed. */
  redrawGraph(): void;
  notify(message: string): void;
}

const SCOPE_WORDS = {
  people: 'Timeline of',
  family: 'Timeline of',
  facility: 'Timeline at',
  crossing: 'Timeline at',
} as const;

/**
 * The timeline panel (issue #5), mounted in #timeline-panel: follows the selected node, drives
 * the graph through the store (item -> node and citations, brushed window -> graph filter, as-of
 * date -> node status), and opens pattern hits with their evidence.
 */
export function createTimelinePanel(root: HTMLElement, deps: TimelinePanelDeps) {
  const { store } = deps;
  const title = el('h2', { className: 'tl-heading', text: 'Timeline' });
  const info = el('span', { className: 'tl-info muted' });
  const asOfInput = el('input', {
    id: 'asof-input',
    type: 'date',
    'aria-label': 'As-of date',
    min: '1900-01-01',
    max: '2100-12-31',
  });
  const asOfClear = el(
    'button',
    { type: 'button', id: 'asof-clear', onclick: () => deps.commands.setAsOf(undefined) },
    'Clear',
  );
  const windowText = el('span', { className: 'tl-window-text muted' });
  const windowClear = el(
    'button',
    { type: 'button', id: 'window-clear', onclick: () => deps.commands.setTimeWindow(undefined, undefined) },
    'Clear window',
  );
  const canvas = el('div', { id: 'timeline', className: 'tl-canvas' });
  const empty = el(
    'div',
    { className: 'tl-empty' },
    el('p', {
      text: 'Select a person, a family, a facility or a border crossing to see its timeline. Detentions are drawn as ranges, events as points; faded ends are uncertain dates, striped ends are still open.',
    }),
  );
  const evidenceRoot = el('aside', {
    id: 'timeline-evidence',
    className: 'tl-evidence',
    'aria-label': 'Evidence for the timeline',
    'aria-live': 'polite',
  });
  const evidence = createEvidencePane(evidenceRoot, deps.notify);
  const view = createTimelineView(canvas, {
    selectItem: (item) => {
      if (item) pickItem(item);
    },
    selectRow: (id) => focusPerson(id),
    brushed: (from, to) => deps.commands.setTimeWindow(from, to),
    asOfMoved: (date) => deps.commands.setAsOf(date),
  });
  const undatedRow = createUndatedRow((item) => pickItem(item));
  asOfInput.addEventListener('change', () => deps.commands.setAsOf(asOfInput.value || undefined));

  root.hidden = false;
  root.dataset.ready = 'true';
  root.replaceChildren(
    el(
      'header',
      { className: 'tl-header' },
      title,
      info,
      el('span', { className: 'tl-spacer' }),
      el('label', { className: 'tl-asof', for: 'asof-input' }, 'As of '),
      asOfInput,
      asOfClear,
      el('span', { className: 'sep', 'aria-hidden': 'true' }),
      el(
        'button',
        {
          type: 'button',
          id: 'brush',
          title: 'Drag across the timeline to filter the graph to that time window',
          onclick: () => {
            view.startBrush();
            deps.notify('Drag across the timeline to choose a time window.');
          },
        },
        'Brush a window',
      ),
      windowText,
      windowClear,
      el('button', { type: 'button', id: 'timeline-fit', onclick: () => view.fit() }, 'Fit'),
      el(
        'span',
        { className: 'tl-legend', 'aria-hidden': 'true' },
        el('span', { className: 'tl-key fuzzy', text: 'uncertain start' }),
        el('span', { className: 'tl-key open', text: 'still open' }),
        el('span', { className: 'tl-key', text: '≈ approximate' }),
        el('span', { className: 'tl-key', text: '? uncertain' }),
      ),
    ),
    el(
      'div',
      { className: 'tl-body' },
      el('div', { className: 'tl-main' }, canvas, undatedRow.root, empty),
      evidenceRoot,
    ),
  );

  let shownKey = '';
  let data: Timeline | undefined;
  let asOf: AsOfView | undefined;
  let asOfKey = '';
  let loading = 0;

  const nameOf = (id: string) =>
    data?.groups.find((g) => g.id === id)?.name ??
    deps.cache.nodes.get(id)?.name ??
    asOf?.orphans.find((o) => o.child.id === id)?.child.name ??
    id;
  const scopeOfState = (state: ViewState): TimelineScope | undefined => state.timeline;

  /** An item selected on the timeline: its people in the graph (selected), its citations opened. */
  function pickItem(item: TimelineItem): void {
    const scope = store.state.timeline;
    store.update('timeline-select', (s) => {
      for (const id of [item.group, item.eventId]) if (!s.seeds.includes(id)) s.seeds.push(id);
      s.hidden = s.hidden.filter((h) => h !== item.group && h !== item.eventId);
      s.selection = { kind: 'node', id: item.group };
      s.timeline = scope;
      if (s.layout === 'family') s.layout = 'force';
    });
    evidence.item(item, nameOf(item.group));
    root.dataset.selectedItem = item.id;
  }

  function focusPerson(id: string): void {
    const scope = store.state.timeline;
    store.update(
      'timeline-select',
      (s) => {
        if (!s.seeds.includes(id)) s.seeds.push(id);
        s.selection = { kind: 'node', id };
        s.timeline = scope;
      },
      { record: false },
    );
  }

  /** Opens some people in graph and timeline together, with the evidence a pattern found (issue #5). */
  function openPeople(ids: readonly string[], heading: string, events: readonly DatedEventView[]): void {
    const people = [...new Set(ids)].slice(0, 50);
    store.update('pattern-open', (s) => {
      for (const id of people) if (!s.seeds.includes(id)) s.seeds.push(id);
      s.hidden = s.hidden.filter((h) => !people.includes(h));
      s.selection = people[0] ? { kind: 'node', id: people[0] } : s.selection;
      s.timeline = { kind: 'people', ids: people };
      if (s.layout === 'family') s.layout = 'force';
    });
    evidence.events(heading, events);
  }

  async function load(scope: TimelineScope | undefined): Promise<void> {
    const key = scopeKey(scope);
    if (key === shownKey) return;
    shownKey = key;
    const mine = ++loading;
    root.dataset.ready = 'false';
    if (!scope) {
      data = undefined;
      undatedRow.show(undefined, nameOf);
      empty.hidden = false;
      title.textContent = 'Timeline';
      info.textContent = '';
      root.dataset.ready = 'true';
      return;
    }
    info.textContent = 'Loading…';
    try {
      const next = await api.timeline({ query: { ...queryOfScope(scope), limit: TIMELINE_LIMIT } });
      if (mine !== loading) return;
      data = next;
      empty.hidden = true;
      const anchor =
        next.anchor?.name ??
        (scope.kind === 'people'
          ? next.groups
              .map((g) => g.name)
              .slice(0, 3)
              .join(', ') + (next.groups.length > 3 ? ` and ${next.groups.length - 3} more` : '')
          : scope.ids[0]!);
      title.textContent = `${SCOPE_WORDS[scope.kind]} ${anchor}`;
      info.textContent = `${next.groups.length} ${next.groups.length === 1 ? 'row' : 'rows'}, ${next.items.length} items${next.undated.length ? `, ${next.undated.length} undated (own row)` : ''}${next.truncated ? ' — more than shown: narrow the window' : ''}`;
      root.dataset.scope = key;
      view.show(next);
      undatedRow.show(next, nameOf);
      if (asOf) view.setBadges(asOf.badges);
      if (!asOf && evidenceRoot.dataset.showing !== 'evidence')
        evidence.hint(
          'Select an item to read its sources. Set an as-of date to see who was detained, free or possibly detained on that day.',
        );
    } catch (error) {
      if (mine !== loading) return;
      info.textContent = `Could not load the timeline: ${(error as Error).message}`;
    }
    await refreshAsOf(store.state, true);
    root.dataset.ready = 'true';
  }

  async function refreshAsOf(state: ViewState, force = false): Promise<void> {
    const people = [
      ...(data?.groups.map((g) => g.id) ?? []),
      ...deps
        .realized()
        .nodes.filter((n) => n.type === ENTITY.Person)
        .map((n) => n.id),
    ];
    const key = `${state.asOf}|${[...new Set(people)].sort().join(',')}`;
    if (!force && key === asOfKey) return;
    asOfKey = key;
    asOfInput.value = state.asOf ?? '';
    view.setAsOf(state.asOf);
    if (!state.asOf) {
      asOf = undefined;
      applyStatusRule(undefined);
      view.setBadges(new Map());
      deps.redrawGraph();
      if (evidenceRoot.dataset.showing === 'as-of') evidence.hint('Select an item to read its sources.');
      return;
    }
    try {
      const next = await loadAsOf(state.asOf, people);
      if (store.state.asOf !== next.date) return;
      asOf = next;
      applyStatusRule(next);
      view.setBadges(next.badges);
      deps.redrawGraph();
      if (evidenceRoot.dataset.showing !== 'item' && evidenceRoot.dataset.showing !== 'evidence')
        evidence.asOf(next, nameOf);
      root.dataset.asof = next.date;
    } catch (error) {
      deps.notify(`Could not load the as-of view: ${(error as Error).message}`);
    }
  }

  async function follow(state: ViewState, reason: string): Promise<void> {
    // A node selected elsewhere (graph, search, list) opens its own timeline.
    const selected = state.selection?.kind === 'node' ? state.selection.id : undefined;
    if (
      selected &&
      (reason === 'select' || reason === 'select-nodes' || reason === 'load') &&
      !(reason === 'load' && state.timeline)
    ) {
      const found = await scopeOfNode(selected, deps.cache);
      if (found && !sameScope(found.scope, store.state.timeline) && store.state.selection?.id === selected) {
        store.update(
          'timeline-follow',
          (s) => {
            s.timeline = found.scope;
          },
          { record: false },
        );
        return;
      }
    }
    const from = state.filters.from;
    const to = state.filters.to;
    windowText.textContent = from || to ? `Graph window: ${from ?? '…'} – ${to ?? '…'}` : '';
    windowClear.hidden = !(from || to);
    view.setWindow(from, to);
    asOfClear.hidden = !state.asOf;
    await load(scopeOfState(state));
    await refreshAsOf(state);
    if (root.dataset.asof !== state.asOf) root.dataset.asof = state.asOf ?? '';
  }

  store.subscribe(({ state, reason }) => {
    void follow(state, reason);
  });
  // The graph finishes loading after the store changes: re-ask the as-of status for new people.
  new MutationObserver(() => {
    if (document.body.dataset.ready === 'true') void refreshAsOf(store.state);
  }).observe(document.body, { attributes: true, attributeFilter: ['data-ready'] });
  void follow(store.state, 'load');

  return {
    openPeople,
    showEvidence: (heading: string, events: readonly DatedEventView[]) => evidence.events(heading, events),
    view,
    get data(): Timeline | undefined {
      return data;
    },
    get asOf(): AsOfView | undefined {
      return asOf;
    },
  };
}
export type TimelinePanel = ReturnType<typeof createTimelinePanel>;
