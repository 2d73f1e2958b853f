import { api } from '../api/client.js';
import type { History, RevisionView } from '../api/types.js';
import { clear, el } from '../dom.js';
import { staleText } from './entity-edit-dialog.js';
import { failureText } from './form-dialog.js';
import { revisionChanges } from './revision-changes.js';

export type RecordKind = 'entity' | 'relationship';

const ACTION_TEXT: Record<RevisionView['action'], string> = {
  create: 'created',
  update: 'changed',
  delete: 'deleted',
  restore: 'restored',
  revert: 'reverted',
};

const when = (iso: string) => iso.replace('T', ' ').slice(0, 16);

function changesList(revision: RevisionView): HTMLElement {
  if (revision.withheld)
    return el('p', { className: 'muted', text: 'What changed names someone your clearance does not cover.' });
  const changes = revisionChanges(revision);
  if (!changes.length) return el('p', { className: 'muted', text: 'Only the evidence changed.' });
  return el(
    'ul',
    { className: 'revision-changes' },
    ...changes.map((c) =>
      el(
        'li',
        {},
        el('strong', { text: `${c.field}: ` }),
        el('span', { className: 'before', text: c.before ?? '(none)' }),
        ' → ',
        el('span', { className: 'after', text: c.after ?? '(removed)' }),
      ),
    ),
  );
}

/**
 * A record's history (issue 14): each revision's author, time, reason and changed fields, newest
 * first, page by page; "Revert to this" makes a new revision with the state after that one
 * (If-Match: the version the history was read at, so a change made meanwhile is not undone unseen).
 */
export function createHistoryDialog(deps: { mayWrite(): boolean; reverted(kind: RecordKind, id: string): void }) {
  const list = el('ol', { className: 'revision-list', 'aria-label': 'Revisions, newest first' });
  const error = el('p', { className: 'error', role: 'alert' });
  const more = el('button', { type: 'button', hidden: true }, 'Older revisions');
  const heading = el('h2', { id: 'history-heading', text: 'History' });
  const dialog = el(
    'dialog',
    { className: 'sign-in-dialog edit-dialog history-dialog', id: 'history', 'aria-labelledby': heading.id },
    heading,
    list,
    more,
    error,
    el(
      'div',
      { className: 'dialog-actions' },
      el('button', { type: 'button', onclick: () => dialog.close() }, 'Close'),
    ),
  );
  document.body.append(dialog);
  let shown: { kind: RecordKind; id: string; version: number };

  const page = (kind: RecordKind, id: string, before?: number): Promise<History> => {
    const query = { limit: 20, ...(before ? { before } : {}) };
    return kind === 'entity'
      ? api.entityHistory({ params: { id }, query })
      : api.relationshipHistory({ params: { id }, query });
  };

  async function revert(to: number): Promise<void> {
    const { kind, id, version } = shown;
    const call = { params: { id }, body: { version: to, reason: `Back to version ${to}` }, ifMatch: version };
    try {
      if (kind === 'entity') await api.revertEntity(call);
      else await api.revertRelationship(call);
      dialog.close();
      deps.reverted(kind, id);
    } catch (failure) {
      error.textContent = staleText(failure) ?? failureText(failure);
    }
  }

  function item(revision: RevisionView, latest: number, deleted: boolean): HTMLElement {
    const mayRevert = deps.mayWrite() && !deleted && revision.version < latest && revision.action !== 'delete';
    return el(
      'li',
      { className: 'revision', 'data-version': revision.version },
      el(
        'p',
        { className: 'revision-head' },
        el('strong', { text: `Version ${revision.version}` }),
        ` ${ACTION_TEXT[revision.action]} by ${revision.author}, ${when(revision.at)}`,
        revision.revertedTo ? ` (back to version ${revision.revertedTo})` : '',
      ),
      revision.reason ? el('p', { className: 'revision-reason', text: `Why: ${revision.reason}` }) : null,
      changesList(revision),
      mayRevert
        ? el(
            'button',
            { type: 'button', onclick: () => void revert(revision.version) },
            `Revert to version ${revision.version}`,
          )
        : null,
    );
  }

  /** Before an imported record's first change: the state that change kept, version 0. */
  function imported(history: History): HTMLElement | null {
    const first = history.revisions.at(-1);
    if (history.nextBefore !== null || first?.version !== 1 || !first.before) return null;
    return el(
      'li',
      { className: 'revision', 'data-version': 0 },
      el('p', { className: 'revision-head' }, el('strong', { text: 'Version 0' }), ' as imported'),
      deps.mayWrite() && !history.deleted
        ? el('button', { type: 'button', onclick: () => void revert(0) }, 'Revert to version 0 (as imported)')
        : null,
    );
  }

  function show(history: History, append: boolean): void {
    if (!append) clear(list);
    list.append(...history.revisions.map((r) => item(r, history.version, history.deleted)));
    const origin = imported(history);
    if (origin) list.append(origin);
    if (!list.childElementCount)
      list.append(el('li', { className: 'muted', text: 'No change was made here since the import.' }));
    more.hidden = history.nextBefore === null;
    more.onclick = () =>
      void page(shown.kind, shown.id, history.nextBefore ?? undefined)
        .then((next) => show(next, true))
        .catch((failure) => (error.textContent = failureText(failure)));
  }

  return {
    async open(kind: RecordKind, id: string, name: string): Promise<void> {
      const history = await page(kind, id);
      shown = { kind, id, version: history.version };
      heading.textContent = `History of ${name}`;
      error.textContent = '';
      show(history, false);
      dialog.showModal();
    },
  };
}
