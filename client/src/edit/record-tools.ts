import { api } from '../api/client.js';
import type { EntityDetail, GraphEdge } from '../api/types.js';
import { el } from '../dom.js';
import { createEntityEditDialog, currentVersion, staleText } from './entity-edit-dialog.js';
import { formDialog } from './form-dialog.js';
import { createHistoryDialog, type RecordKind } from './history-dialog.js';
import { createRelationshipDialog } from './relationship-dialog.js';
import './edit.css';

export interface RecordToolsDeps {
  /** The signed-in reader may change the graph (graph/access/roles.ts mayWrite). */
  mayWrite(): boolean;
  /** These records changed: read them again and redraw. */
  changed(ids: string[], message: string): Promise<void>;
  /** A record was deleted: it leaves the view. */
  deleted(kind: RecordKind, id: string, message: string): Promise<void>;
  notify(message: string): void;
}

/**
 * The edit tools of the details panel (issue 14): Edit, Add relationship, History and Delete for
 * an entity; History and Delete for a relationship. Every change goes through the write API with
 * If-Match, is cited and has a reason; a reader who may not write sees the history only.
 */
export function createRecordTools(deps: RecordToolsDeps) {
  const edit = createEntityEditDialog((id, changed) => void deps.changed([id], `Saved: ${changed.join(', ')}.`));
  const relationship = createRelationshipDialog(
    (from, to) => void deps.changed([from, to], 'Relationship added, with its source.'),
  );
  const history = createHistoryDialog({
    mayWrite: deps.mayWrite,
    reverted: (kind, id) =>
      void (kind === 'entity'
        ? deps.changed([id], 'Reverted: the record is back as it was, as a new revision.')
        : deps.changed([], 'Reverted the relationship, as a new revision.')),
  });

  let removing: { kind: RecordKind; id: string; name: string; version: number };
  const reason = el('textarea', { id: 'delete-record-reason', name: 'reason', required: true, rows: 2 });
  const removal = formDialog({
    id: 'delete-record',
    heading: 'Delete this record',
    submitLabel: 'Delete',
    fields: () => [
      el('p', {
        text: `${removing.name} leaves every view, with its relationships. It stays in its history, and an admin can restore it.`,
      }),
      el('label', { for: reason.id, text: 'Why (shown in the history)' }),
      reason,
    ],
    async submit() {
      const { kind, id, name, version } = removing;
      const call = { params: { id }, body: { reason: reason.value }, ifMatch: version };
      try {
        if (kind === 'entity') await api.deleteEntity(call);
        else await api.deleteRelationship(call);
      } catch (failure) {
        throw new Error(staleText(failure) ?? (failure as Error).message);
      }
      reason.value = '';
      await deps.deleted(kind, id, `Deleted ${name}. An admin can restore it from its history.`);
    },
  });

  const openRemoval = async (kind: RecordKind, id: string, name: string) => {
    removing = { kind, id, name, version: await currentVersion(kind, id) };
    removal.open();
  };

  // A tool that cannot open (the record went away, the server is down) says so in the status line.
  const button = (action: string, text: string, run: () => Promise<void> | void) =>
    el(
      'button',
      {
        type: 'button',
        'data-action': action,
        onclick: () =>
          void Promise.resolve()
            .then(run)
            .catch((failure: Error) => deps.notify(`${text.replace('…', '')} failed: ${failure.message}`)),
      },
      text,
    );

  return {
    forEntity(detail: EntityDetail): HTMLElement {
      const { id, name } = detail.entity;
      const writer = deps.mayWrite() && !detail.entity.protected;
      return el(
        'div',
        { className: 'actions record-tools', role: 'group', 'aria-label': 'Edit tools' },
        writer && button('edit', 'Edit…', () => edit.open(detail)),
        writer && button('add-relationship', 'Add relationship…', () => relationship.open(detail.entity)),
        button('history', 'History', () => history.open('entity', id, name)),
        writer && button('delete', 'Delete…', () => openRemoval('entity', id, name)),
      );
    },
    forRelationship(edge: GraphEdge, title: string): HTMLElement {
      return el(
        'div',
        { className: 'actions record-tools', role: 'group', 'aria-label': 'Edit tools' },
        button('history', 'History', () => history.open('relationship', edge.id, title)),
        deps.mayWrite() && button('delete', 'Delete…', () => openRemoval('relationship', edge.id, title)),
      );
    },
  };
}
