/**
 * A small made-up case for the timeline and pattern tests: a border post, two camps, crossings,
 * detentions with certain and merely possible dates, relatives, a child with both parents held,
 * and one detention whose two sources disagree on the date. Every name here is invented.
 */
const claim = (source: string, locator: string, extra: Record<string, string> = {}) => [
  { source, locator, excerpt: `Excerpt ${locator}.`, confidence: 'probable', ...extra },
];
const A = 'fx-src-a';
const OLD = 'fx-src-old';

const person = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  type: 'Person',
  id,
  names: [{ value: name, kind: 'primary' }],
  ...extra,
});
const event = (id: string, kind: string, date: string, claims: unknown[]) => ({
  type: 'Event',
  id,
  names: [{ value: `${kind} ${id}`, kind: 'primary' }],
  kind,
  date,
  claims,
});
const rel = (id: string, type: string, from: string, to: string, extra: Record<string, unknown> = {}) => ({
  id,
  type,
  from,
  to,
  claims: claim(A, `rel ${id}`),
  ...extra,
});
const subject = (personId: string, eventId: string) =>
  rel(`${eventId}--${personId}`, 'PARTICIPATED_IN', personId, eventId, { role: 'subject' });
const at = (eventId: string, placeId: string) => rel(`${eventId}--at`, 'OCCURRED_AT', eventId, placeId);

export const SECRET_KID_NAME = 'Zulfiya Fixturekyzy';

export const detentionFixture = {
  kinline: 1,
  entities: [
    {
      type: 'Source',
      id: A,
      names: [{ value: 'Fixture report 2020', kind: 'primary' }],
      kind: 'report',
      date: '2020-01',
    },
    {
      type: 'Source',
      id: OLD,
      names: [{ value: 'Fixture testimony 2017', kind: 'primary' }],
      kind: 'testimony',
      date: '2017-10',
    },
    {
      type: 'Place',
      id: 'fx-khorgos',
      names: [{ value: 'Fixture Khorgos', kind: 'primary' }],
      kind: 'border-crossing',
    },
    { type: 'Place', id: 'fx-city', names: [{ value: 'Fixture City', kind: 'primary' }], kind: 'city' },
    { type: 'Facility', id: 'fx-camp-1', names: [{ value: 'Fixture Camp One', kind: 'primary' }], kind: 'camp' },
    { type: 'Facility', id: 'fx-camp-2', names: [{ value: 'Fixture Camp Two', kind: 'primary' }], kind: 'camp' },
    { type: 'Family', id: 'fx-family', names: [{ value: 'Fixture family', kind: 'primary' }] },
    person('fx-p1', 'Adil Fixture'),
    person('fx-p2', 'Bota Fixture'),
    person('fx-p3', 'Dana Fixture'),
    person('fx-p4', 'Erlan Fixture'),
    person('fx-p5', 'Gulnar Fixture'),
    person('fx-p6', 'Kairat Fixture'),
    person('fx-p7', 'Murat Fixture'),
    person('fx-p8', 'Nurlan Fixture'),
    person('fx-p9', 'Olzhas Fixture'),
    person('fx-p10', 'Saule Fixture'),
    person('fx-kid1', SECRET_KID_NAME, { minor: true }),
    person('fx-kid2', 'Timur Fixtureuly', { minor: true }),
    // p1 crosses on a known day and is detained 17 days later: certainly within 30 days.
    event('fx-p1-cross', 'crossing', '2017-05-03', claim(A, 'p. 1')),
    event('fx-p1-det', 'detention', '2017-05-20/..', claim(A, 'p. 2')),
    // p2 crossed "about 2017": possibly within 30 days of the detention.
    event('fx-p2-cross', 'crossing', '2017~', claim(A, 'p. 3')),
    event('fx-p2-det', 'detention', '2017-06/2018-02', claim(A, 'p. 4')),
    // p3 is detained months after crossing (no hit), and two sources disagree on when.
    event('fx-p3-cross', 'crossing', '2017-05-01', claim(OLD, 'min 1')),
    event('fx-p3-det', 'detention', '2017-09-01/2018', [
      ...claim(OLD, 'min 2', { date: '2017-09-01/2018' }),
      ...claim(OLD, 'min 7', { date: '2017-08/2018' }),
    ]),
    // p4: "about 2015 to about 2016" at camp 1: possibly overlaps p1 and p2, never certainly.
    event('fx-p4-det', 'detention', '2015~/2016~', claim(OLD, 'min 3')),
    // p5 and p6 (siblings) detained 9 days apart; p7 (p5's partner) "about March 2018".
    event('fx-p5-det', 'detention', '2018-03-01/2018-09', claim(A, 'p. 5')),
    event('fx-p6-det', 'detention', '2018-03-10/..', claim(A, 'p. 6')),
    event('fx-p7-det', 'detention', '2018-03~', claim(A, 'p. 7')),
    // p8, kid1's other parent, disappears in January 2018.
    event('fx-p8-gone', 'disappearance', '2018-01/..', claim(A, 'p. 8')),
  ],
  relationships: [
    subject('fx-p1', 'fx-p1-cross'),
    subject('fx-p1', 'fx-p1-det'),
    subject('fx-p2', 'fx-p2-cross'),
    subject('fx-p2', 'fx-p2-det'),
    subject('fx-p3', 'fx-p3-cross'),
    subject('fx-p3', 'fx-p3-det'),
    subject('fx-p4', 'fx-p4-det'),
    subject('fx-p5', 'fx-p5-det'),
    subject('fx-p6', 'fx-p6-det'),
    subject('fx-p7', 'fx-p7-det'),
    subject('fx-p8', 'fx-p8-gone'),
    at('fx-p1-cross', 'fx-khorgos'),
    at('fx-p2-cross', 'fx-khorgos'),
    at('fx-p3-cross', 'fx-khorgos'),
    at('fx-p1-det', 'fx-camp-1'),
    at('fx-p2-det', 'fx-camp-1'),
    at('fx-p4-det', 'fx-camp-1'),
    at('fx-p3-det', 'fx-camp-2'),
    at('fx-p5-det', 'fx-camp-2'),
    at('fx-p8-gone', 'fx-city'),
    rel('fx-r-sib', 'SIBLING_OF', 'fx-p5', 'fx-p6', { role: 'full' }),
    rel('fx-r-partner', 'PARTNER_OF', 'fx-p5', 'fx-p7', { role: 'married' }),
    rel('fx-r-p5-kid1', 'PARENT_OF', 'fx-p5', 'fx-kid1'),
    rel('fx-r-p8-kid1', 'PARENT_OF', 'fx-p8', 'fx-kid1'),
    rel('fx-r-p5-kid2', 'PARENT_OF', 'fx-p5', 'fx-kid2'),
    rel('fx-r-p9-kid2', 'PARENT_OF', 'fx-p9', 'fx-kid2'),
    rel('fx-r-p10-kid1', 'GUARDIAN_OF', 'fx-p10', 'fx-kid1', { role: 'caregiver', date: '2018-03/..' }),
    rel('fx-m-p5', 'MEMBER_OF', 'fx-p5', 'fx-family', { role: 'parent' }),
    rel('fx-m-p8', 'MEMBER_OF', 'fx-p8', 'fx-family', { role: 'parent' }),
    rel('fx-m-kid1', 'MEMBER_OF', 'fx-kid1', 'fx-family', { role: 'child' }),
  ],
};

/** Real ids and names of the seed's protected people: none may appear in any response body. */
export async function seedSecrets(): Promise<string[]> {
  const { readFile } = await import('node:fs/promises');
  const { seedCasePath } = await import('../../seeds/index.js');
  const seed = JSON.parse(await readFile(seedCasePath, 'utf8')) as {
    entities: {
      type: string;
      id: string;
      minor?: boolean;
      disclosure?: string;
      pseudonym?: string;
      names: { value: string }[];
    }[];
  };
  const hidden = seed.entities.filter(
    (e) => e.type === 'Person' && (e.minor || (e.disclosure && e.disclosure !== 'public')),
  );
  const pseudonyms = hidden.map((e) => e.pseudonym ?? '');
  // A placeholder name that is part of a pseudonym ("Child 1") is not a secret.
  const names = hidden
    .flatMap((e) => e.names.map((n) => n.value))
    .filter((n) => !pseudonyms.some((p) => p.includes(n)));
  return [...hidden.map((e) => e.id), ...names, SECRET_KID_NAME, 'fx-kid1'];
}

/**
 * A fresh graph with the seed case and this fixture, the real API over it, and a `get` that
 * checks the status and keeps every body so a test can search them all for leaks.
 */
export async function startDetentionApi() {
  const [{ freshGraph }, { startApi }, { loadSeedCase }, { validateAndLoad }, { expect }] = await Promise.all([
    import('./graph.js'),
    import('./api.js'),
    import('../../seeds/index.js'),
    import('../../graph/store/check.js'),
    import('vitest'),
  ]);
  await freshGraph();
  await loadSeedCase();
  await validateAndLoad(detentionFixture);
  const api = await startApi();
  const bodies: string[] = [];
  const get = async (path: string, status = 200) => {
    const response = await api.get(`/api${path}`);
    expect(response.status, response.text.slice(0, 300)).toBe(status);
    bodies.push(response.text);
    return response.body;
  };
  return { api, get, bodies };
}
