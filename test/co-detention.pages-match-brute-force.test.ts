import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read } from '../graph/db/driver.js';
import {
  comparePairs,
  overlappingStays,
  possiblyOverlap,
  type Stay,
  type StayPair,
} from '../graph/patterns/overlapping-stays.js';
import { validateAndLoad } from '../graph/store/check.js';
import { startApi, type Api } from './support/api.js';
import { freshGraph } from './support/graph.js';
import { random } from './support/random.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Every shape of detention date the pairing must read: exact, approximate, uncertain, open and unknown ends, open start. */
function detentionDate(next: () => number): string {
  const year = 2014 + Math.floor(next() * 6);
  const month = 1 + Math.floor(next() * 12);
  const day = `${year}-${pad(month)}-${pad(1 + Math.floor(next() * 28))}`;
  const later = `${year + Math.floor(next() * 3)}-${pad(1 + Math.floor(next() * 12))}`;
  const shapes = [
    `${day}/${later}-15`,
    `${year}-${pad(month)}/${later}`,
    `${year}~/${year + 1}~`,
    `${year}-${pad(month)}?`,
    `${year}`,
    `${day}/..`,
    `${year}-${pad(month)}/`,
    `../${later}`,
    `${year}-${pad(month)}/..`,
  ];
  return shapes[Math.floor(next() * shapes.length)]!;
}

/**
 * Three camps (one empty), 40 people whose ids do not follow time order, 90 detentions: some
 * with two subjects, some people held twice at one camp with the same start (a tie the order
 * breaks by the second person), one event linked to two camps, one person linked twice, and two
 * stays that share a single day.
 */
function generatedDetentions() {
  const next = random(7);
  const claim = [{ source: 'cd-src', locator: 'p. 1', excerpt: 'Held at the camp.' }];
  const people = Array.from({ length: 40 }, (_, i) => ({
    type: 'Person',
    id: `cd-p${(i * 17) % 40}`,
    names: [{ value: `Detainee ${i}`, kind: 'primary' }],
  }));
  const events: Record<string, unknown>[] = [];
  const relationships: Record<string, unknown>[] = [];
  const link = (id: string, type: string, from: string, to: string, role?: string) =>
    relationships.push({ id, type, from, to, ...(role ? { role } : {}), claims: claim });
  let previous = { date: '', person: '', camp: '' };
  for (let i = 0; i < 90; i++) {
    const id = `cd-d${i}`;
    // Every 15th detention: the previous person again, same camp, same start, another end.
    const again = i % 15 === 1;
    const date = again ? previous.date.replace(/\/.*$/, '/2021') : detentionDate(next);
    const person = again ? previous.person : people[Math.floor(next() * people.length)]!.id;
    const camp = again ? previous.camp : `cd-camp${1 + Math.floor(next() * 2)}`;
    events.push({
      type: 'Event',
      id,
      kind: 'detention',
      names: [{ value: `Detention ${i}`, kind: 'primary' }],
      date,
      claims: claim,
    });
    link(`${id}--s1`, 'PARTICIPATED_IN', person, id, 'subject');
    if (i % 9 === 4)
      link(`${id}--s2`, 'PARTICIPATED_IN', people[Math.floor(next() * people.length)]!.id, id, 'subject');
    link(`${id}--at`, 'OCCURRED_AT', id, camp);
    previous = { date, person, camp };
  }
  // Two stays that meet on one day only: possibly held together on it.
  for (const [id, date, person] of [
    ['cd-meet-a', '2013-02-01/2013-04-10', 'cd-p3'],
    ['cd-meet-b', '2013-04-10/2013-05-01', 'cd-p4'],
  ] as const) {
    events.push({
      type: 'Event',
      id,
      kind: 'detention',
      names: [{ value: `Detention ${id}`, kind: 'primary' }],
      date,
      claims: claim,
    });
    link(`${id}--s1`, 'PARTICIPATED_IN', person, id, 'subject');
    link(`${id}--at`, 'OCCURRED_AT', id, 'cd-camp1');
  }
  link(
    'cd-d5--at-also',
    'OCCURRED_AT',
    'cd-d5',
    relationships.find((r) => r.id === 'cd-d5--at')!.to === 'cd-camp1' ? 'cd-camp2' : 'cd-camp1',
  );
  link(
    'cd-d8--s1-again',
    'PARTICIPATED_IN',
    relationships.find((r) => r.id === 'cd-d8--s1')!.from as string,
    'cd-d8',
    'subject',
  );
  return {
    kinline: 1,
    entities: [
      {
        type: 'Source',
        id: 'cd-src',
        names: [{ value: 'Made-up camp register', kind: 'primary' }],
        kind: 'report',
        date: '2022',
      },
      ...[1, 2, 3].map((n) => ({
        type: 'Facility',
        id: `cd-camp${n}`,
        names: [{ value: `Made-up camp ${n}`, kind: 'primary' }],
        kind: 'camp',
      })),
      ...people,
      ...events,
    ],
    relationships,
  };
}

/** The pairing as the route did it before the sweep: every pair of detentions at a camp, in Cypher. */
async function bruteForcePairs(facility: string | null): Promise<string[]> {
  const result = await read<{ row: string }>(
    `MATCH (f:Facility) WHERE $facility IS NULL OR f.id = $facility
     WITH f ORDER BY f.id
     CALL (f) {
       MATCH (f)<-[:OCCURRED_AT]-(d1:Event {kind: 'detention'})<-[:PARTICIPATED_IN {role: 'subject'}]-(a:Person)
       WHERE d1.startLatest IS NOT NULL
       MATCH (f)<-[:OCCURRED_AT]-(d2:Event {kind: 'detention'})<-[:PARTICIPATED_IN {role: 'subject'}]-(b:Person)
       WHERE a.id < b.id AND d2.startLatest IS NOT NULL
         AND coalesce(d1.startEarliest <= d2.endLatest, true) AND coalesce(d2.startEarliest <= d1.endLatest, true)
       RETURN a, b, d1, d2 ORDER BY d1.startLatest, a.id, b.id, d1.id, d2.id
     }
     RETURN f.id + ' ' + a.id + ' ' + b.id + ' ' + d1.id + ' ' + d2.id AS row`,
    { facility },
  );
  return result.records.map((r) => r.get('row'));
}

type Hit = { facility: { id: string }; people: { id: string }[]; detentions: { id: string }[] };
const rowOf = (hit: Hit) =>
  [hit.facility.id, ...hit.people.map((p) => p.id), ...hit.detentions.map((d) => d.id)].join(' ');

let api: Api;
beforeAll(async () => {
  await freshGraph();
  await validateAndLoad(generatedDetentions());
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

describe('co-detention pages', () => {
  for (const facility of ['cd-camp1', 'cd-camp2', 'cd-camp3', null]) {
    it(`list exactly the brute-force pairs in the same order, page by page (${facility ?? 'every camp'})`, async () => {
      const expected = await bruteForcePairs(facility);
      if (facility !== 'cd-camp3') expect(expected.length).toBeGreaterThan(100);
      const query = facility ? `facility=${facility}&` : '';
      const whole = (await api.get(`/api/patterns/co-detention?${query}limit=200&offset=0`)).body;
      const pages: string[] = [];
      for (let offset = 0; ; offset += 7) {
        const page = (await api.get(`/api/patterns/co-detention?${query}limit=7&offset=${offset}`)).body;
        pages.push(...page.items.map(rowOf));
        expect(page.hasMore).toBe(offset + 7 < expected.length);
        if (!page.hasMore) break;
      }
      expect(pages).toEqual(expected);
      expect(whole.items.map(rowOf)).toEqual(expected.slice(0, 200));
    });
  }
});

describe('the sweep', () => {
  /** Random stays; some share an event (two subjects), some are the same link twice. */
  const randomStays = (next: () => number, n: number): Stay[] => {
    const day = (d: number) => `2017-${pad(1 + Math.floor(d / 28))}-${pad(1 + (d % 28))}`;
    const stays = Array.from({ length: n }, (_, i): Stay => {
      const start = Math.floor(next() * 300);
      const startLatest = start + Math.floor(next() * 20);
      return {
        event: `e${i}`,
        person: `p${Math.floor(next() * (n / 2))}`,
        startLatest: day(startLatest),
        startEarliest: next() < 0.1 ? null : day(start),
        endLatest: next() < 0.3 ? null : day(startLatest + Math.floor(next() * 60)),
      };
    });
    return stays.flatMap((stay) =>
      next() < 0.1 ? [stay, { ...stay }] : next() < 0.1 ? [stay, { ...stay, person: `q${stay.event}` }] : [stay],
    );
  };

  const bruteForce = (stays: Stay[]): StayPair[] =>
    stays
      .flatMap((first) =>
        stays
          .filter((second) => first.person < second.person && possiblyOverlap(first, second))
          .map((second) => ({ first, second })),
      )
      .sort(comparePairs);

  it('finds the same pairs as trying every pair, for any page of them', () => {
    const next = random(11);
    for (let round = 0; round < 300; round++) {
      const stays = randomStays(next, 1 + Math.floor(next() * 60));
      const expected = bruteForce(stays);
      const skip = Math.floor(next() * (expected.length + 5));
      const take = 1 + Math.floor(next() * 40);
      const { pairs, skipped } = overlappingStays(stays, { skip, take });
      expect(pairs.map((p) => [p.first, p.second])).toEqual(
        expected.slice(skip, skip + take).map((p) => [p.first, p.second]),
      );
      expect(skipped).toBe(Math.min(skip, expected.length));
    }
  });
});
