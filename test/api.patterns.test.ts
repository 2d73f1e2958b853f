import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSecrets, startDetentionApi } from './support/detention-fixture.js';

let fixture: Awaited<ReturnType<typeof startDetentionApi>>;
let secrets: string[];
const get = (path: string, status?: number) => fixture.get(path, status);

beforeAll(async () => {
  fixture = await startDetentionApi();
  secrets = await seedSecrets();
});
afterAll(async () => {
  await fixture?.api.close();
});

type Named = { name: string };
const names = (list: Named[]) => list.map((x) => x.name).sort();
const notSeed = (item: { child: Named }) => !item.child.name.includes('BW-2019');

describe('orphaned children', () => {
  it("returns the seed case's four children for 2019-04-13, with both parents' blocked-exit claims and the hosts as carers", async () => {
    const body = await get('/patterns/orphaned-children?date=2019-04-13');
    const seedKids = body.items.filter((i: { child: Named }) => !notSeed(i));
    expect(names(seedKids.map((i: { child: Named }) => i.child))).toEqual(
      [1, 2, 3, 4].map((n) => `Child ${n} of family BW-2019-01`),
    );
    for (const kid of seedKids) {
      expect(kid.child.protected).toBe(true);
      expect(kid.certainty).toBe('certain');
      expect(names(kid.parents.map((p: { parent: Named }) => p.parent))).toEqual([
        'Father (case BW-2019-01)',
        'Mother (case BW-2019-01)',
      ]);
      const edtf = kid.parents
        .flatMap((p: { events: { kind: string; edtf: string }[] }) => p.events.map((e) => `${e.kind} ${e.edtf}`))
        .sort();
      expect(edtf).toEqual(['blocked-exit 2016~/..', 'blocked-exit 2017-10~/..']);
      for (const parent of kid.parents) {
        expect(parent.link.type).toBe('PARENT_OF');
        expect(parent.link.claims.length).toBeGreaterThan(0);
        for (const event of parent.events) {
          expect(event.openEnd).toBe('open');
          expect(event.claims[0].source.id).toBe('src-bitter-winter-2019-orphans');
          expect(event.claims[0].excerpt.length).toBeGreaterThan(10);
        }
      }
      expect(names(kid.carers.map((c: { person: Named }) => c.person))).toEqual([
        'Relative host 1 (case BW-2019-01)',
        'Relative host 2 (case BW-2019-01)',
      ]);
      expect(
        kid.carers.every(
          (c: { link: { role: string; claims: unknown[] } }) => c.link.role === 'host' && c.link.claims.length > 0,
        ),
      ).toBe(true);
      expect(kid.households.map((h: { family: { id: string } }) => h.family.id)).toContain('family-bw-2019-01-hosts');
    }
    // Host children have parents who are not held: never listed.
    expect(body.items.some((i: { child: Named }) => i.child.name.includes('host family'))).toBe(false);
  });

  it('is certain while both fixture parents are certainly held, possible at the fuzzy end, absent after', async () => {
    const during = (await get('/patterns/orphaned-children?date=2018-06-01')).items.filter(notSeed);
    expect(during).toHaveLength(1);
    expect(during[0].certainty).toBe('certain');
    expect(names(during[0].parents.map((p: { parent: Named }) => p.parent))).toEqual([
      'Gulnar Fixture',
      'Nurlan Fixture',
    ]);
    expect(names(during[0].carers.map((c: { person: Named }) => c.person))).toEqual(['Saule Fixture']);
    const fuzzy = (await get('/patterns/orphaned-children?date=2018-09-15')).items.filter(notSeed);
    expect(fuzzy.map((i: { certainty: string }) => i.certainty)).toEqual(['possible']);
    expect((await get('/patterns/orphaned-children?date=2018-11-01')).items.filter(notSeed)).toHaveLength(0);
    const early = (await get('/patterns/orphaned-children?date=2018-02-15')).items.filter(notSeed);
    expect(early).toHaveLength(0); // Gulnar is not yet detained
  });
});

describe('crossing detentions', () => {
  it('finds a certain and a possible crossing-to-detention within 30 days, not the one months later', async () => {
    const body = await get('/patterns/crossing-detentions?crossing=fx-khorgos&from=2017-01-01&to=2017-12-31&days=30');
    expect(body.crossing.id).toBe('fx-khorgos');
    const hits = Object.fromEntries(
      body.items.map((i: { person: Named; certainty: string }) => [i.person.name, i.certainty]),
    );
    expect(hits).toEqual({ 'Adil Fixture': 'certain', 'Bota Fixture': 'possible' });
    const adil = body.items.find((i: { person: Named }) => i.person.name === 'Adil Fixture');
    expect(adil.gapDays).toEqual({ min: 17, max: 17 });
    expect(adil.crossing.claims[0].locator).toBe('p. 1');
    expect(adil.detention.claims[0].locator).toBe('p. 2');
    expect(adil.detention.place.id).toBe('fx-camp-1');
  });

  it('answers 404 for an unknown id or a place that is not a border crossing', async () => {
    await get('/patterns/crossing-detentions?crossing=nowhere', 404);
    await get('/patterns/crossing-detentions?crossing=fx-city', 404);
  });
});

describe('detention cascades', () => {
  it('pairs siblings detained 9 days apart (certain) and partners about the same month (possible), with kinship claims', async () => {
    const body = await get('/patterns/detention-cascades?days=30&from=2018-01-01&to=2018-12-31');
    const pairs = body.items.map(
      (i: { people: Named[]; certainty: string; kinship: { type: string; claims: unknown[] }[] }) =>
        `${names(i.people).join(' + ')} ${i.kinship.map((k) => k.type).join()} ${i.certainty} ${i.kinship[0]!.claims.length}`,
    );
    expect(pairs.sort()).toEqual([
      'Gulnar Fixture + Kairat Fixture SIBLING_OF certain 1',
      'Gulnar Fixture + Murat Fixture PARTNER_OF possible 1',
    ]);
    expect(
      (await get('/patterns/detention-cascades?days=5&from=2018-01-01&to=2018-12-31')).items.map(
        (i: { certainty: string }) => i.certainty,
      ),
    ).toEqual(['possible']);
  });
});

describe('co-detention', () => {
  it('pairs people at the same facility in overlapping intervals, certain and possible', async () => {
    const body = await get('/patterns/co-detention?facility=fx-camp-1');
    const pairs = body.items
      .map((i: { people: Named[]; certainty: string }) => `${names(i.people).join(' + ')} ${i.certainty}`)
      .sort();
    expect(pairs).toEqual([
      'Adil Fixture + Bota Fixture certain',
      'Adil Fixture + Erlan Fixture possible',
      'Bota Fixture + Erlan Fixture possible',
    ]);
    const sure = body.items.find((i: { certainty: string }) => i.certainty === 'certain');
    expect(sure.overlap.certain).toEqual({ from: '2017-06-30', to: '2018-02-01' });
    expect(sure.detentions.every((d: { claims: unknown[] }) => d.claims.length === 1)).toBe(true);
  });

  it('pages with limit and offset, and answers 404 for an unknown facility', async () => {
    const first = await get('/patterns/co-detention?facility=fx-camp-1&limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.hasMore).toBe(true);
    const second = await get('/patterns/co-detention?facility=fx-camp-1&limit=2&offset=2');
    expect(second.items).toHaveLength(1);
    expect(second.hasMore).toBe(false);
    await get('/patterns/co-detention?facility=fx-khorgos', 404);
    expect((await get('/patterns/co-detention')).items.length).toBeGreaterThanOrEqual(3);
  });
});

describe('stale status', () => {
  it('says certainly stale when even the latest reading is old, possibly when only the earliest is', async () => {
    const body = await get('/patterns/stale-status?months=12&asOf=2019-03-01');
    expect(body.cutoff).toBe('2018-03-01');
    const hits = Object.fromEntries(
      body.items.map((i: { person: Named; certainty: string }) => [i.person.name, i.certainty]),
    );
    expect(hits).toEqual({ 'Erlan Fixture': 'certain', 'Dana Fixture': 'possible' });
    const erlan = body.items.find((i: { person: Named }) => i.person.name === 'Erlan Fixture');
    expect(erlan.lastKnown).toEqual({ earliest: '2017-10-01', latest: '2017-12-31' });
    expect(erlan.evidence[0].claims[0].source.id).toBe('fx-src-old');
  });

  it('finds the seed parents stale years after the April 2019 article, as pseudonyms', async () => {
    const body = await get('/patterns/stale-status?months=24&asOf=2023-01-01&limit=200');
    const seed = body.items
      .filter((i: { person: Named }) => i.person.name.includes('BW-2019'))
      .map((i: { person: Named; certainty: string }) => `${i.person.name} ${i.certainty}`);
    expect(seed.sort()).toEqual(['Father (case BW-2019-01) certain', 'Mother (case BW-2019-01) certain']);
  });
});

describe('aggregates', () => {
  it('counts detentions per facility and year, split certain / possible', async () => {
    const body = await get('/patterns/aggregates?by=facility-year');
    const camp1 = body.rows
      .filter((r: { facility: { id: string } }) => r.facility.id === 'fx-camp-1')
      .map((r: { year: number; certain: number; possible: number }) => [r.year, r.certain, r.possible]);
    expect(camp1).toEqual([
      [2014, 0, 1],
      [2015, 0, 1],
      [2016, 0, 1],
      [2017, 2, 0],
    ]);
  });

  it('counts people detained after crossing at each border post', async () => {
    const body = await get('/patterns/aggregates?by=crossing&days=30');
    expect(body.rows).toEqual([
      { crossing: expect.objectContaining({ id: 'fx-khorgos' }), days: 30, certain: 1, possible: 1 },
    ]);
  });
});

describe('input and safety', () => {
  it('rejects bad input with 400 and the field path', async () => {
    const missing = await get('/patterns/orphaned-children', 400);
    expect(missing.error.details[0].path).toContain('date');
    await get('/patterns/orphaned-children?date=2019-02-30', 400);
    await get('/patterns/orphaned-children?date=2019-04-13&extra=1', 400);
    await get('/patterns/detention-cascades?days=-1', 400);
    await get('/patterns/detention-cascades?from=2019-01-01&to=2018-01-01', 400);
    await get('/patterns/co-detention?limit=100000', 400);
    await get('/patterns/aggregates?by=everything', 400);
    await get("/patterns/crossing-detentions?crossing=x' OR 1=1 //", 404);
  });

  it("never puts a protected person's real id or name in any body", () => {
    expect(fixture.bodies.length).toBeGreaterThan(15);
    for (const text of fixture.bodies) for (const secret of secrets) expect(text.includes(secret), secret).toBe(false);
  });
});
