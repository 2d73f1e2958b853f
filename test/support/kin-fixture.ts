import type { DatasetInput } from '../../graph/schema/index.js';

/**
 * A three-generation family with a protected child, plus an organisation with 500 members.
 *
 *   Pavel + Galina (paternal grandparents)      Maksim + Marina (maternal grandparents)
 *        |                                           |                  |
 *   Fedor ~ sister Anna (SIBLING_OF only)       Mira  ---married---  Fedor;  Ulan (Mira's brother)
 *        children: Kairat (male, adult), the protected child (minor)          child: Cora
 *   Guardian Gulmira cares for the protected child (doubtful claim).
 */
export const PROTECTED = {
  id: 'person-kid-secret',
  name: 'Zulfiya Secretname',
  alias: 'Зульфия Секретная',
  birthDate: '2012-03-04',
};
export const HUB = { id: 'org-hub', members: 500 };
/** Over the hub threshold (1,000 relationships): counted from the degree store, never sorted. */
export const BIG_HUB = { id: 'org-big-hub', members: 1_200 };

const cite = (confidence = 'probable') => [{ source: 'src-1', locator: 'p. 1', excerpt: 'quoted', confidence }];
const person = (id: string, name: string, gender?: string, extra: Record<string, unknown> = {}) => ({
  type: 'Person',
  id,
  names: [{ value: name, kind: 'primary' }],
  ...(gender ? { gender } : {}),
  ...extra,
});
let seq = 0;
const rel = (type: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({
  id: `rel-${++seq}`,
  type,
  from,
  to,
  claims: cite(),
  ...extra,
});

export function kinFixture(): DatasetInput {
  seq = 0;
  const parentOf = (parent: string, ...children: string[]) => children.map((child) => rel('PARENT_OF', parent, child));
  const entities = [
    { type: 'Source', id: 'src-1', names: [{ value: 'Testimony', kind: 'primary' }], kind: 'testimony' },
    person('gp-pavel', 'Pavel Grandfather', 'male'),
    person('gp-galina', 'Galina Grandmother', 'female'),
    person('gp-maksim', 'Maksim Grandfather', 'male'),
    person('gp-marina', 'Marina Grandmother', 'female'),
    person('fedor', 'Fedor Father', 'male'),
    person('anna', 'Anna Aunt', 'female'),
    person('mira', 'Mira Mother', 'female'),
    person('ulan', 'Ulan Uncle', 'male'),
    person('cora', 'Cora Cousin', 'female'),
    person('kairat', 'Kairat Son', 'male'),
    {
      ...person(PROTECTED.id, PROTECTED.name, undefined, { minor: true, birthDate: PROTECTED.birthDate }),
      names: [
        { value: PROTECTED.name, kind: 'primary' },
        { value: PROTECTED.alias, kind: 'alias', script: 'Cyrl' },
      ],
    },
    person('gulmira', 'Gulmira Guardian', 'female'),
    { type: 'Family', id: 'family-main', names: [{ value: 'Household of Fedor and Mira', kind: 'primary' }] },
    {
      type: 'Event',
      id: 'event-detention-fedor',
      names: [{ value: 'Detention of Fedor', kind: 'primary' }],
      kind: 'detention',
      date: '2017-05/2018-02',
      claims: cite(),
    },
    {
      type: 'Event',
      id: 'event-trial-1999',
      names: [{ value: 'Trial of 1999', kind: 'primary' }],
      kind: 'trial',
      date: '1999',
      claims: cite(),
    },
    { type: 'Organisation', id: HUB.id, names: [{ value: 'Big Association', kind: 'primary' }], kind: 'ngo' },
    ...Array.from({ length: HUB.members }, (_, i) => person(`member-${String(i).padStart(3, '0')}`, `Member ${i}`)),
    { type: 'Organisation', id: BIG_HUB.id, names: [{ value: 'Bigger Union', kind: 'primary' }], kind: 'ngo' },
    ...Array.from({ length: BIG_HUB.members }, (_, i) =>
      person(`big-member-${String(i).padStart(4, '0')}`, `Big member ${i}`),
    ),
  ];
  const relationships = [
    ...parentOf('gp-pavel', 'fedor'),
    ...parentOf('gp-galina', 'fedor'),
    ...parentOf('gp-maksim', 'mira', 'ulan'),
    ...parentOf('gp-marina', 'mira', 'ulan'),
    rel('SIBLING_OF', 'fedor', 'anna', { role: 'full' }),
    rel('PARTNER_OF', 'fedor', 'mira', { role: 'married' }),
    ...parentOf('ulan', 'cora'),
    ...parentOf('fedor', 'kairat'),
    ...parentOf('mira', 'kairat'),
    rel('PARENT_OF', 'fedor', PROTECTED.id, { date: PROTECTED.birthDate }),
    rel('PARENT_OF', 'mira', PROTECTED.id, { date: PROTECTED.birthDate }),
    rel('SIBLING_OF', 'kairat', PROTECTED.id, { role: 'full' }),
    rel('GUARDIAN_OF', 'gulmira', PROTECTED.id, { role: 'caregiver', claims: cite('doubtful') }),
    ...['fedor', 'mira'].map((id) => rel('MEMBER_OF', id, 'family-main', { role: 'parent' })),
    ...['kairat', PROTECTED.id].map((id) => rel('MEMBER_OF', id, 'family-main', { role: 'child' })),
    rel('PARTICIPATED_IN', 'fedor', 'event-detention-fedor', { role: 'subject', claims: cite('confirmed') }),
    rel('PARTICIPATED_IN', 'fedor', 'event-trial-1999', { role: 'subject', claims: cite('confirmed') }),
    rel('AFFILIATED_WITH', 'fedor', HUB.id, { role: 'member' }),
    ...Array.from({ length: HUB.members }, (_, i) =>
      rel('AFFILIATED_WITH', `member-${String(i).padStart(3, '0')}`, HUB.id, { role: 'member' }),
    ),
    ...Array.from({ length: BIG_HUB.members }, (_, i) =>
      rel('AFFILIATED_WITH', `big-member-${String(i).padStart(4, '0')}`, BIG_HUB.id, { role: 'member' }),
    ),
  ];
  return { kinline: 1, entities, relationships } as DatasetInput;
}
