/** A graph small enough to start in seconds, for the tests that stop or kill their own Neo4j. */
export const outageFixture = {
  kinline: 1,
  entities: [
    { type: 'Source', id: 'src-a', names: [{ value: 'A report' }], kind: 'report' },
    { type: 'Person', id: 'person-a', names: [{ value: 'Aiman Umarova', kind: 'primary' }] },
    { type: 'Person', id: 'person-b', names: [{ value: 'Hidden Child' }], minor: true },
  ],
  relationships: [
    {
      id: 'rel-a-b',
      type: 'GUARDIAN_OF',
      from: 'person-a',
      to: 'person-b',
      claims: [{ source: 'src-a', locator: 'p. 1', excerpt: 'takes care of' }],
    },
  ],
};
