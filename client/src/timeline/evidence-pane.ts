import { el } from '../dom.js';
import { claimsBlock } from '../panels/claims.js';
import type { DatedEventView, TimelineItem } from '../api/types.js';
import type { AsOfView } from './as-of.js';
import { describeWithEdtf } from './edtf-text.js';
import { kindLabel } from './labels.js';

type Notify = (message: string) => void;

/** The right-hand side of the timeline panel: a selected item's citations, the as-of summary, or a pattern hit's evidence. */
export function createEvidencePane(root: HTMLElement, notify: Notify) {
  const dated = (e: { edtf: string | null; phrase: string | null; asWritten?: string }) =>
    e.edtf ? `${describeWithEdtf(e.edtf, e.phrase)}${e.asWritten ? ` · as written: “${e.asWritten}”` : ''}` : 'undated';

  return {
    item(item: TimelineItem, personName: string): void {
      root.replaceChildren(
        el('h3', { className: 'tl-ev-title', text: item.title }),
        el('p', {
          className: 'tl-ev-meta',
          text: `${kindLabel(item.kind)} · ${personName}${item.place ? ` · ${item.place.name}` : ''}`,
        }),
        el('p', { className: 'tl-ev-date', text: dated(item) }),
        item.conflict
          ? el('p', {
              className: 'conflict-note',
              text: 'Sources disagree on this date: each reading is drawn as its own item, side by side.',
            })
          : '',
        claimsBlock(item.claims, { about: item.title, notify }),
      );
      root.dataset.showing = 'item';
    },
    asOf(view: AsOfView, nameOf: (id: string) => string): void {
      const byStatus = (certainty: 'certain' | 'possible') =>
        view.status.people.filter((p) => p.certainty === certainty);
      const free = [...view.asked].filter((id) => !view.status.people.some((p) => p.id === id));
      const list = (label: string, cls: string, names: string[]) =>
        el(
          'div',
          { className: `tl-asof-group ${cls}` },
          el('h4', { text: `${label} (${names.length})` }),
          names.length
            ? el('ul', {}, ...names.map((n) => el('li', { text: n })))
            : el('p', { className: 'muted', text: 'nobody' }),
        );
      root.replaceChildren(
        el('h3', { className: 'tl-ev-title', text: `As of ${view.date}` }),
        list(
          'Detained, missing or blocked',
          'certain',
          byStatus('certain').map((p) => `${nameOf(p.id)} — ${p.status}`),
        ),
        list(
          'Possibly detained, missing or blocked',
          'possible',
          byStatus('possible').map((p) => `${nameOf(p.id)} — possibly ${p.status}`),
        ),
        list('Free, as far as the sources tell', 'free', free.map(nameOf)),
        el(
          'div',
          { className: 'tl-asof-group orphans' },
          el('h4', { text: `Children with every known parent detained or blocked (${view.orphans.length})` }),
          el(
            'ul',
            { className: 'tl-orphan-list' },
            ...view.orphans.map((o) =>
              el(
                'li',
                { 'data-child': o.child.id },
                el('span', { text: o.child.name }),
                ' ',
                el('span', {
                  className: `badge ${o.certainty === 'certain' ? 'confidence confirmed' : 'confidence possible'}`,
                  text: o.certainty,
                }),
                o.carers.length
                  ? el('span', {
                      className: 'muted',
                      text: ` cared for by ${o.carers.map((c) => c.person.name).join(', ')}`,
                    })
                  : null,
              ),
            ),
          ),
        ),
      );
      root.dataset.showing = 'as-of';
    },
    events(title: string, events: readonly DatedEventView[]): void {
      root.replaceChildren(
        el('h3', { className: 'tl-ev-title', text: title }),
        ...events.map((e) =>
          el(
            'section',
            { className: 'tl-ev-event' },
            el('h4', { text: `${kindLabel(e.kind)}: ${e.title}` }),
            el('p', { className: 'tl-ev-date', text: `${dated(e)}${e.certainty ? ` · ${e.certainty}` : ''}` }),
            claimsBlock(e.claims, { about: e.title, notify }),
          ),
        ),
      );
      root.dataset.showing = 'evidence';
    },
    hint(text: string): void {
      root.replaceChildren(el('p', { className: 'muted', text }));
      root.dataset.showing = 'hint';
    },
  };
}
export type EvidencePane = ReturnType<typeof createEvidencePane>;
