import type { DatasetInput } from '../../graph/schema/index.js';

/**
 * A family known only through RELATIVE_OF links, as a case list gives it (issue 13): a root,
 * relatives whose generation the list does not say, a protected child among them, and a few whose
 * words do say it ("maternal uncle", "niece", "cousin").
 */
export const ROOT = { id: 'person-rahima', name: 'Rahima Tursunova' };
export const HIDDEN_KID = { id: 'person-hidden-kid', name: 'Dilnaz Hiddenname', birthDate: '2015-06-02' };
/** Relatives the list calls "relative" or nothing at all: no generation. */
export const UNPLACED = [
  'Abdurakhmonbekovichsonovskiy Kurbanbekovna-Tursunova',
  'Merey Tursunov',
  'Gulnara Abdullayeva-Tursunova, also known as Gulya',
  'Yerlan Tursunov',
  'Aisha Tursunova',
];

export function relativesFixture(): DatasetInput {
  const cite = [{ source: 'src-case-list', locator: 'case 41', excerpt: 'relatives listed', confidence: 'probable' }];
  const person = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
    type: 'Person',
    id,
    names: [{ value: name, kind: 'primary' }],
    ...extra,
  });
  let n = 0;
  const relative = (from: string, to: string, relation?: string) => ({
    id: `rel-relatives-${++n}`,
    type: 'RELATIVE_OF',
    from,
    to,
    ...(relation ? { relation } : {}),
    claims: cite,
  });
  const unplaced = UNPLACED.map((name, i) => person(`person-relative-${i + 1}`, name));
  return {
    kinline: 1,
    title: 'A family known only as relatives',
    entities: [
      { type: 'Source', id: 'src-case-list', kind: 'dataset', names: [{ value: 'A case list', kind: 'primary' }] },
      person(ROOT.id, ROOT.name),
      person(HIDDEN_KID.id, HIDDEN_KID.name, { minor: true, birthDate: HIDDEN_KID.birthDate }),
      person('person-uncle', 'Bakhyt Uncle'),
      person('person-niece', 'Aru Niece'),
      person('person-cousin', 'Timur Cousin'),
      ...unplaced,
    ],
    relationships: [
      ...unplaced.map((p, i) => (i % 2 ? relative(p.id, ROOT.id) : relative(ROOT.id, p.id, 'relative'))),
      relative(HIDDEN_KID.id, ROOT.id),
      relative('person-uncle', ROOT.id, 'maternal uncle'),
      relative(ROOT.id, 'person-niece', 'aunt'),
      relative('person-cousin', ROOT.id, 'cousin'),
    ],
  } as DatasetInput;
}
