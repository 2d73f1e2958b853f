import { type DeprivedStatus, eventKindLabel } from '../../../graph/vocabulary/event-kinds.js';
import { el } from '../dom.js';
import type { TimelineItem } from '../api/types.js';
import type { VisRow } from './items.js';
import { describeEdtf } from './edtf-text.js';

/** What the as-of view says about a row's person on the date. */
export interface RowBadge {
  status: DeprivedStatus | 'free';
  certainty?: 'certain' | 'possible';
  /** A child all of whose known parents were (possibly) detained, missing or blocked. */
  orphaned?: 'certain' | 'possible';
}

/** What a reader is shown for an event kind: the vocabulary's label (graph/vocabulary/event-kinds.ts). */
export const kindLabel = (kind: string) => eventKindLabel(kind);

function sourceBadge(item: TimelineItem): HTMLElement | null {
  const first = item.claims[0];
  if (!first) return el('span', { className: 'tl-source none', text: 'no source' });
  const name = first.source.name.length > 28 ? `${first.source.name.slice(0, 27)}…` : first.source.name;
  const more = item.claims.length > 1 ? ` +${item.claims.length - 1}` : '';
  return el('span', {
    className: `tl-source confidence-${first.confidence}`,
    title: first.source.name,
    text: `${name}${more}`,
  });
}

/** An item's label: marks for approximate (≈) and uncertain (?) dates, the title, its source badge. */
export function itemContent(item: TimelineItem): HTMLElement {
  return el(
    'span',
    { className: 'tl-content' },
    item.conflict
      ? el('span', { className: 'tl-mark conflict', title: 'Sources disagree on this date', text: '⚠' })
      : null,
    item.approximate
      ? el('span', { className: 'tl-mark approximate', title: 'Approximate date (EDTF ~)', text: '≈' })
      : null,
    item.uncertain ? el('span', { className: 'tl-mark uncertain', title: 'Uncertain date (EDTF ?)', text: '?' }) : null,
    el('span', { className: 'tl-title', text: item.title }),
    item.edtf
      ? el('span', { className: 'tl-when', title: `EDTF ${item.edtf}`, text: describeEdtf(item.edtf, item.phrase) })
      : null,
    sourceBadge(item),
  );
}

const STATUS_TEXT: Record<RowBadge['status'], string> = {
  detained: 'detained',
  missing: 'missing',
  blocked: 'blocked',
  free: 'free',
};

export function rowLabel(row: VisRow, badge?: RowBadge): HTMLElement {
  const label = el(
    'span',
    { className: 'tl-row-label', 'data-row': row.id },
    el('span', { className: 'tl-row-name', text: row.content }),
  );
  if (row.source.protected)
    label.append(el('span', { className: 'badge protected', title: 'Shown by pseudonym', text: 'pseudonym' }));
  if (badge) {
    const possibly = badge.certainty === 'possible' ? 'possibly ' : '';
    label.append(
      el('span', {
        className: `tl-status ${badge.status} ${badge.certainty ?? ''}`,
        'data-status': badge.status,
        text: `${possibly}${STATUS_TEXT[badge.status]}`,
      }),
    );
    if (badge.orphaned) {
      label.append(
        el('span', {
          className: `tl-orphaned ${badge.orphaned}`,
          'data-flag': 'orphaned',
          title: 'Every known parent detained, missing or blocked on this date',
          text:
            badge.orphaned === 'certain' ? 'both parents detained or blocked' : 'parents possibly detained or blocked',
        }),
      );
    }
  }
  return label;
}
