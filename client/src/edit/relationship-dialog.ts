import {
  RELATIONSHIP_SPECS,
  RELATIONSHIP_TYPES,
  type Relationship,
  type RelationshipType,
} from '../../../graph/schema/index.js';
import type { RelationshipSpec } from '../../../graph/vocabulary/relationship-types.js';
import type { EntityType } from '../../../graph/vocabulary/entity-types.js';
import { api } from '../api/client.js';
import type { EntityView } from '../api/types.js';
import { el } from '../dom.js';
import { claimFields } from './claim-fields.js';
import { formDialog } from './form-dialog.js';
import { randomId } from './person-record.js';

/** A relationship type this record can take part in, and on which side ("from" or "to"). */
export interface RelationshipChoice {
  type: RelationshipType;
  side: 'from' | 'to';
}

/** The relationships a record of `type` may have, from the vocabulary's endpoint table. */
export function relationshipChoices(type: EntityType): RelationshipChoice[] {
  return RELATIONSHIP_TYPES.flatMap((rel) => {
    const spec: RelationshipSpec = RELATIONSHIP_SPECS[rel];
    return [
      ...(spec.from.includes(type) ? [{ type: rel, side: 'from' as const }] : []),
      // A symmetric fact reads the same both ways: offered once.
      ...(spec.to.includes(type) && !(spec.symmetric && spec.from.includes(type))
        ? [{ type: rel, side: 'to' as const }]
        : []),
    ];
  });
}

const choiceText = (c: RelationshipChoice, name: string) =>
  c.side === 'from' ? `${name} —${c.type}→ …` : `… —${c.type}→ ${name}`;

/**
 * "Add relationship": from the selected record to another one found by name, of a type the
 * vocabulary allows between them, with the claim that says so. The server checks the endpoints,
 * the role and the claim, and names the field it refuses.
 */
export function createRelationshipDialog(added: (from: string, to: string) => void) {
  const claim = claimFields('add-relationship');
  const kind = el('select', { id: 'add-relationship-type', name: 'type' });
  const query = el('input', { id: 'add-relationship-query', name: 'query', type: 'search', maxlength: '200' });
  const find = el('button', { type: 'button' }, 'Find');
  const other = el('select', { id: 'add-relationship-other', name: 'other', required: true });
  const role = el('input', { id: 'add-relationship-role', name: 'role', maxlength: '200' });
  const date = el('input', { id: 'add-relationship-date', name: 'date', maxlength: '100' });
  let record: EntityView;
  let choices: RelationshipChoice[] = [];

  async function search(): Promise<void> {
    const spec = choices[Number(kind.value)];
    if (!spec || !query.value.trim()) return;
    const ends: RelationshipSpec = RELATIONSHIP_SPECS[spec.type];
    const types = [...ends[spec.side === 'from' ? 'to' : 'from']];
    const page = await api.search({ query: { q: query.value.trim(), types, limit: 20 } });
    other.replaceChildren(
      ...page.items
        .filter((hit) => hit.id !== record.id)
        .map((hit) => el('option', { value: hit.id, text: `${hit.name} (${hit.type})` })),
    );
    if (!other.options.length) other.append(el('option', { value: '', text: 'No match: try another spelling' }));
  }
  find.onclick = () => void search();
  query.onkeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void search();
    }
  };

  const dialog = formDialog({
    id: 'add-relationship',
    heading: 'Add a relationship, with the source that gives it',
    submitLabel: 'Add relationship',
    fields: () => [
      el('label', { for: kind.id, text: 'Relationship' }),
      kind,
      el('label', { for: query.id, text: 'The other record (search by name, any script)' }),
      el('div', { className: 'inline-search' }, query, find),
      el('label', { for: other.id, text: 'Found' }),
      other,
      el('label', { for: role.id, text: 'Role or relation in words (optional)' }),
      role,
      el('label', { for: date.id, text: 'When it held (EDTF, optional)' }),
      date,
      ...claim.elements,
    ],
    async submit() {
      const choice = choices[Number(kind.value)];
      if (!choice || !other.value) throw new Error('Choose the relationship and find the other record first.');
      const [from, to] = choice.side === 'from' ? [record.id, other.value] : [other.value, record.id];
      const spec: RelationshipSpec = RELATIONSHIP_SPECS[choice.type];
      const words = role.value.trim();
      const body: Relationship = {
        id: randomId('rel'),
        type: choice.type,
        from,
        to,
        // A type with roles takes the words as its role; RELATIVE_OF as the relation in words.
        ...(words && spec.roles ? { role: words } : words ? { relation: words } : {}),
        ...(date.value.trim() ? { date: date.value.trim() } : {}),
        claims: [claim.value()],
      };
      await api.createRelationship({ body });
      claim.reset();
      for (const input of [query, role, date]) input.value = '';
      other.replaceChildren();
      added(from, to);
    },
  });

  return {
    open(entity: EntityView): void {
      record = entity;
      choices = relationshipChoices(entity.type);
      kind.replaceChildren(
        ...choices.map((c, i) => el('option', { value: String(i), text: choiceText(c, entity.name) })),
      );
      dialog.open();
    },
  };
}
