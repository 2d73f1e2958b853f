import type { RealizedView } from '../data/realize.js';
import { clear, el } from '../dom.js';
import { edgeLabel } from '../graph/style.js';
import type { ViewCommands } from '../state/commands.js';

/** The list alternative to the canvas: every node and edge on screen, as an accessible table. */
export function createTablePanel(root: HTMLElement, commands: ViewCommands) {
  function render(view: RealizedView, selectedId?: string): void {
    clear(root);
    const names = new Map(view.nodes.map((n) => [n.id, n.name]));
    const nodeRows = [...view.nodes]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((n) =>
        el(
          'tr',
          { 'aria-selected': String(n.id === selectedId) },
          el(
            'td',
            {},
            el(
              'button',
              {
                type: 'button',
                className: 'link-button',
                'data-node': n.id,
                onclick: () => commands.select({ kind: 'node', id: n.id }),
              },
              n.name,
            ),
          ),
          el('td', { text: n.type }),
          el('td', { text: n.protected ? 'pseudonym' : String(n.kind ?? '') }),
          el('td', { text: view.moreNeighbours[n.id] ? `+${view.moreNeighbours[n.id]} more` : '' }),
        ),
      );
    const edgeRows = view.edges.map((e) =>
      el(
        'tr',
        { 'aria-selected': String(e.id === selectedId) },
        el('td', { text: names.get(e.source) ?? e.source }),
        el(
          'td',
          {},
          el(
            'button',
            {
              type: 'button',
              className: 'link-button',
              'data-edge': e.id,
              onclick: () => commands.select({ kind: 'edge', id: e.id }),
            },
            edgeLabel(e),
          ),
        ),
        el('td', { text: names.get(e.target) ?? e.target }),
        el('td', { text: e.confidence }),
      ),
    );
    root.append(
      el(
        'table',
        { className: 'list-table' },
        el('caption', { text: `${view.nodes.length} entities on screen` }),
        el(
          'thead',
          {},
          el(
            'tr',
            {},
            ...['Name', 'Type', 'Kind', 'Hidden neighbours'].map((h) => el('th', { scope: 'col', text: h })),
          ),
        ),
        el('tbody', {}, ...nodeRows),
      ),
      el(
        'table',
        { className: 'list-table' },
        el('caption', { text: `${view.edges.length} relationships on screen` }),
        el(
          'thead',
          {},
          el('tr', {}, ...['From', 'Relationship', 'To', 'Confidence'].map((h) => el('th', { scope: 'col', text: h }))),
        ),
        el('tbody', {}, ...edgeRows),
      ),
    );
  }
  return { render };
}
