import { afterAll, beforeAll, expect, it } from 'vitest';
import { read } from '../graph/db/driver.js';
import { validateAndLoad } from '../graph/store/check.js';
import { generateDataset } from '../seeds/generate.js';
import { startApi, type Api } from './support/api.js';
import { freshGraph } from './support/graph.js';

/**
 * stale-status reads each person's last-known date from the person (kept by the loader). After
 * every load, the stored dates must equal a fresh computation from the whole graph: the latest
 * event end or date, claimed date or source date over the events a person is subject of, as
 * the earliest and the latest reading.
 */
async function storedAndLive() {
  const people = await read<{ id: string; earliest: string | null; latest: string | null }>(
    'MATCH (p:Person) RETURN p.id AS id, p.lastKnownEarliest AS earliest, p.lastKnownLatest AS latest ORDER BY id',
  );
  const facts = await read<{ id: string; e: Props; c: Props | null; s: Props | null }>(
    `MATCH (p:Person)-[:PARTICIPATED_IN {role: 'subject'}]->(e:Event) WHERE e.startLatest IS NOT NULL
     OPTIONAL MATCH (c:Claim {about: e.id})-[:CITES]->(s:Source)
     RETURN p.id AS id, properties(e) AS e, properties(c) AS c, properties(s) AS s`,
  );
  const live = new Map<string, [string, string]>();
  const later = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);
  for (const { id, e, c, s } of facts.records.map((r) => r.toObject())) {
    const readings = [
      datedReading(e),
      ...(c ? [datedReading(c)] : []),
      ...(s?.startLatest ? [[s.startEarliest ?? s.startLatest, s.startLatest]] : []),
    ];
    for (const [earliest, latest] of readings.filter((r): r is [string, string] => r !== null)) {
      const known = live.get(id);
      live.set(id, known ? [later(known[0], earliest), later(known[1], latest)] : [earliest, latest]);
    }
  }
  const rows = people.records.map((r) => r.toObject());
  return {
    stored: rows.map((r) => [r.id, r.earliest, r.latest]),
    live: rows.map((r) => [r.id, ...(live.get(r.id) ?? [null, null])]),
  };
}

type Props = Record<string, string | undefined>;

/** When an event or a claimed date ends at the earliest and at the latest; null without a date. */
const datedReading = (x: Props): [string, string] | null =>
  x.startLatest ? [x.endEarliest ?? x.startEarliest ?? x.startLatest, x.endLatest ?? x.startLatest] : null;

const source = (id: string, date: string) => ({
  type: 'Source',
  id,
  names: [{ value: `Report ${id}`, kind: 'primary' }],
  kind: 'report',
  date,
});
const person = (id: string, name: string) => ({ type: 'Person', id, names: [{ value: name, kind: 'primary' }] });
const claim = (src: string, extra: Record<string, string> = {}) => ({
  source: src,
  locator: 'p. 1',
  excerpt: 'As reported.',
  ...extra,
});
const event = (id: string, kind: string, date: string, claims: unknown[]) => ({
  type: 'Event',
  id,
  kind,
  names: [{ value: `${kind} ${id}`, kind: 'primary' }],
  date,
  claims,
});
const subject = (p: string, e: string) => ({
  id: `${e}--${p}`,
  type: 'PARTICIPATED_IN',
  from: p,
  to: e,
  role: 'subject',
  claims: [claim('sr-2017')],
});
const file = (entities: unknown[], relationships: unknown[] = []) => ({ kinline: 1, entities, relationships });

let api: Api;
const stale = async () => {
  const body = (await api.get('/api/patterns/stale-status?months=12&asOf=2020-01-01')).body as {
    items: { person: { name: string }; certainty: string; lastKnown: { latest: string } }[];
  };
  return Object.fromEntries(body.items.map((i) => [i.person.name, `${i.certainty} ${i.lastKnown.latest}`]));
};

beforeAll(async () => {
  await freshGraph();
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

it("keeps every person's last-known date equal to the live computation through later loads", async () => {
  await validateAndLoad(
    file(
      [
        source('sr-2017', '2017-06'),
        person('sr-aigul', 'Aigul Reload'),
        person('sr-berik', 'Berik Reload'),
        person('sr-chingiz', 'Chingiz Reload'),
        event('sr-d1', 'detention', '2016-03/2016-09', [claim('sr-2017')]),
        event('sr-d2', 'detention', '2016-05/..', [claim('sr-2017')]),
      ],
      [subject('sr-aigul', 'sr-d1'), subject('sr-berik', 'sr-d2')],
    ),
  );
  let check = await storedAndLive();
  expect(check.stored).toEqual(check.live);
  expect(await stale()).toEqual({ 'Aigul Reload': 'certain 2017-06-30', 'Berik Reload': 'certain 2017-06-30' });

  // A new event for an existing person, citing a new source: Aigul was heard of in late 2019.
  await validateAndLoad(
    file(
      [source('sr-2019', '2019-11'), event('sr-t1', 'testimony', '2019-10', [claim('sr-2019')])],
      [subject('sr-aigul', 'sr-t1')],
    ),
  );
  check = await storedAndLive();
  expect(check.stored).toEqual(check.live);
  expect(await stale()).toEqual({ 'Berik Reload': 'certain 2017-06-30' });

  // Only a source changes its date: everyone whose events it backs moves with it.
  await validateAndLoad(file([source('sr-2017', '2018-10')]));
  check = await storedAndLive();
  expect(check.stored).toEqual(check.live);
  expect(await stale()).toEqual({ 'Berik Reload': 'certain 2018-10-31' });

  // An existing event gains a dated claim from a new source, then loses it again.
  const withClaim = file([
    source('sr-2019b', '2019-06'),
    event('sr-d2', 'detention', '2016-05/..', [claim('sr-2017'), claim('sr-2019b', { date: '2016-05/2019-04' })]),
  ]);
  await validateAndLoad(withClaim);
  check = await storedAndLive();
  expect(check.stored).toEqual(check.live);
  expect(await stale()).toEqual({});
  await validateAndLoad(file([event('sr-d2', 'detention', '2016-05/..', [claim('sr-2017')])]), {
    transaction: 'batched',
  });
  check = await storedAndLive();
  expect(check.stored).toEqual(check.live);
  expect(await stale()).toEqual({ 'Berik Reload': 'certain 2018-10-31' });

  // A person record loaded again on its own (the loader replaces its properties), and an event's new date.
  await validateAndLoad(
    file([person('sr-berik', 'Berik Reload'), event('sr-d1', 'detention', '2015/2019-03', [claim('sr-2017')])]),
  );
  check = await storedAndLive();
  expect(check.stored).toEqual(check.live);
  expect(await stale()).toEqual({ 'Berik Reload': 'certain 2018-10-31' });
  expect(check.stored.find(([id]) => id === 'sr-chingiz')).toEqual(['sr-chingiz', null, null]);
});

it('matches the live computation for every person of a generated dataset', async () => {
  await freshGraph();
  await validateAndLoad(generateDataset({ people: 600, seed: 3 }), { file: 'synthetic-600' });
  const check = await storedAndLive();
  expect(check.stored.filter(([, , latest]) => latest !== null).length).toBeGreaterThan(100);
  expect(check.stored).toEqual(check.live);
});
