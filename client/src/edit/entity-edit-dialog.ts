import { ApiError, api } from '../api/client.js';
import type { EntityDetail } from '../api/types.js';
import { el } from '../dom.js';
import { claimFields } from './claim-fields.js';
import { entityPatch } from './entity-patch.js';
import { formDialog } from './form-dialog.js';
import { editableFields, type FormField } from './form-fields.js';

/** The version a change is made from: read when the form opens, sent as If-Match. */
export async function currentVersion(kind: 'entity' | 'relationship', id: string): Promise<number> {
  const history =
    kind === 'entity'
      ? await api.entityHistory({ params: { id }, query: { limit: 1 } })
      : await api.relationshipHistory({ params: { id }, query: { limit: 1 } });
  return history.version;
}

/** What a stale save says: someone else saved first, and nothing of this change was kept. */
export function staleText(failure: unknown): string | undefined {
  if (!(failure instanceof ApiError) || failure.status !== 412) return undefined;
  const version = (failure.details as { version?: number } | undefined)?.version;
  return `Someone saved a change to this record since you opened it${version ? ` (it is now version ${version})` : ''}. Nothing of yours was saved: close this form, read the record again and redo your change.`;
}

function fieldInput(field: FormField, value: unknown): HTMLInputElement | HTMLSelectElement {
  const id = `edit-entity-${field.key}`;
  const text = value === undefined || value === null ? '' : String(value);
  if (field.input === 'select')
    return el(
      'select',
      { id, name: field.key },
      ...(field.optional ? [el('option', { value: '', text: '(not given)' })] : []),
      ...(field.options ?? []).map((option) => el('option', { value: option, selected: option === text }, option)),
    );
  return el('input', {
    id,
    name: field.key,
    value: text,
    ...(field.input === 'number' ? { type: 'number', step: 'any' } : { maxlength: '2000' }),
  });
}

/**
 * "Edit": the record's own fields (from the vocabulary, form-fields.ts) with their values, the
 * reason, and the claim every new value cites. Saved with If-Match: a record changed meanwhile
 * is refused whole (412), said in words, and nothing is lost silently.
 */
export function createEntityEditDialog(saved: (id: string, changed: string[]) => void) {
  const claim = claimFields('edit-entity');
  let opened: { detail: EntityDetail; version: number; inputs: Map<FormField, HTMLInputElement | HTMLSelectElement> };
  const primaryName = el('input', { id: 'edit-entity-name', name: 'name', required: true, maxlength: '400' });
  const reason = el('textarea', { id: 'edit-entity-reason', name: 'reason', required: true, rows: 2 });

  const dialog = formDialog({
    id: 'edit-entity',
    heading: 'Edit this record, citing the source of each new value',
    submitLabel: 'Save',
    fields() {
      const { detail, inputs } = opened;
      return [
        el('label', { for: primaryName.id, text: 'Name' }),
        primaryName,
        ...[...inputs].flatMap(([field, input]) => [
          el('label', { for: input.id, text: field.label }),
          input,
          field.hint ? el('p', { className: 'muted hint', text: field.hint }) : '',
        ]),
        el('label', { for: reason.id, text: 'Why (shown in the history)' }),
        reason,
        el('p', { className: 'muted hint', text: `The source that gives the new values of ${detail.entity.name}:` }),
        ...claim.elements,
      ].filter((node): node is HTMLElement => node !== '');
    },
    async submit() {
      const { detail, version, inputs } = opened;
      const { body, changed } = entityPatch({
        fields: [...inputs.keys()],
        before: detail.entity,
        typed: Object.fromEntries([...inputs].map(([field, input]) => [field.key, input.value])),
        names: detail.entity.names,
        primaryName: primaryName.value,
        claim: claim.value(),
        reason: reason.value,
      });
      if (!changed.length) throw new Error('Nothing was changed.');
      try {
        await api.patchEntity({ params: { id: detail.entity.id }, body, ifMatch: version });
      } catch (failure) {
        throw new Error(staleText(failure) ?? (failure as Error).message);
      }
      claim.reset();
      reason.value = '';
      saved(detail.entity.id, changed);
    },
  });

  return {
    async open(detail: EntityDetail): Promise<void> {
      const version = await currentVersion('entity', detail.entity.id);
      const inputs = new Map(
        editableFields(detail.entity.type).map((field) => [field, fieldInput(field, detail.entity[field.key])]),
      );
      opened = { detail, version, inputs };
      primaryName.value = detail.entity.name;
      dialog.open();
    },
  };
}
