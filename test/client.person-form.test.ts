import { expect, it } from 'vitest';
import { personRecord } from '../client/src/edit/person-record.js';
import { Entity } from '../graph/schema/index.js';

/** The browser's "Add person" form builds one record of the file form: the server's schema takes it. */
it('builds a cited Person record the dataset schema accepts, with a random id', () => {
  const values = {
    name: ' Dilnaz Qasymova ',
    birthDate: '1990~',
    claim: {
      source: 'src-bitter-winter-2019-orphans',
      locator: 'para. 4',
      excerpt: 'born around 1990',
      confidence: 'probable' as const,
    },
  };
  const record = personRecord(values);
  expect(Entity.parse(record)).toMatchObject({
    type: 'Person',
    names: [{ value: 'Dilnaz Qasymova' }],
    birthDate: '1990~',
  });
  expect(record.id).toMatch(/^person-[0-9a-f]{12}$/);
  expect(record.id).not.toMatch(/dilnaz/i);
  expect(record.statements?.map((s) => s.field)).toEqual(['names', 'birthDate']);
  const undated = personRecord({ ...values, birthDate: '' });
  expect('birthDate' in undated).toBe(false);
  expect(Entity.parse(undated).statements).toHaveLength(1);
  expect(Entity.safeParse(personRecord({ ...values, claim: { ...values.claim, excerpt: '' } })).success).toBe(false);
});
