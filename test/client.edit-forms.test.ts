import { describe, expect, it } from 'vitest';
import { entityPatch } from '../client/src/edit/entity-patch.js';
import { editableFields } from '../client/src/edit/form-fields.js';
import { relationshipChoices } from '../client/src/edit/relationship-dialog.js';
import { revisionChanges } from '../client/src/edit/revision-changes.js';
import { Entity } from '../graph/schema/index.js';
import { PROTECTION_FIELDS } from '../graph/vocabulary/entity-fields.js';

/** The browser's edit forms are derived from the vocabulary and build bodies the server's schema takes. */
const claim = { source: 'src-1', locator: 'p. 2', excerpt: 'a teacher', confidence: 'probable' as const };

describe('edit forms', () => {
  it("offer a type's own text, choice and number fields, never its protection settings", () => {
    const person = editableFields('Person').map((f) => f.key);
    expect(person).toEqual(expect.arrayContaining(['description', 'gender', 'birthDate', 'occupation']));
    for (const key of PROTECTION_FIELDS) expect(person).not.toContain(key);
    const facility = editableFields('Facility');
    expect(facility.find((f) => f.key === 'kind')).toMatchObject({ input: 'select', optional: false });
    expect(facility.find((f) => f.key === 'securityTier')).toMatchObject({ input: 'number' });
  });

  it('patch only what changed, cite every new value, and remove an emptied one', () => {
    const record = {
      type: 'Person' as const,
      id: 'p-1',
      names: [{ value: 'Dilnaz', kind: 'primary' as const, script: 'Latn' as const }],
      occupation: 'farmer',
      ethnicity: 'Kazakh',
    };
    const { body, changed } = entityPatch({
      fields: editableFields('Person'),
      before: record,
      typed: { occupation: 'teacher', ethnicity: '', gender: '' },
      names: record.names,
      primaryName: 'Дильназ',
      claim,
      reason: ' moved ',
    });
    expect(changed).toEqual(['ethnicity', 'occupation', 'names']); // in the vocabulary's order
    expect(body).toMatchObject({ reason: 'moved', occupation: 'teacher', ethnicity: null });
    expect(body.names).toEqual([{ value: 'Дильназ', kind: 'primary' }]);
    expect((body.statements as { field: string }[]).map((s) => s.field)).toEqual(['occupation', 'names']);
    // The server merges the body into the record (null removes) and checks it with the file schema.
    const { reason: _reason, ...fields } = body;
    const merged = Object.fromEntries(Object.entries({ ...record, ...fields }).filter(([, value]) => value !== null));
    expect(Entity.safeParse(merged).success).toBe(true);
  });

  it('offer the relationships the vocabulary allows, a symmetric one once', () => {
    const person = relationshipChoices('Person');
    expect(person).toContainEqual({ type: 'PARENT_OF', side: 'from' });
    expect(person).toContainEqual({ type: 'PARENT_OF', side: 'to' });
    expect(person.filter((c) => c.type === 'SIBLING_OF')).toHaveLength(1);
    expect(relationshipChoices('Source').every((c) => c.type !== 'PARENT_OF')).toBe(true);
  });

  it('describe a revision by the fields it changed', () => {
    const before = { type: 'Person', id: 'p', names: [{ value: 'A', kind: 'primary' }], occupation: 'farmer' };
    const after = { ...before, occupation: 'teacher', ethnicity: 'Uyghur' };
    const changes = revisionChanges({ version: 2, action: 'update', author: 'rita', at: '', before, after } as never);
    expect(changes).toEqual([
      { field: 'occupation', before: 'farmer', after: 'teacher' },
      { field: 'ethnicity', after: 'Uyghur' },
    ]);
  });
});
