import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSecrets, startDetentionApi } from './support/detention-fixture.js';

let fixture: Awaited<ReturnType<typeof startDetentionApi>>;
const get = (path: string, status?: number) => fixture.get(path, status);

beforeAll(async () => {
  fixture = await startDetentionApi();
});
afterAll(async () => {
  await fixture?.api.close();
});

interface Item {
  id: string;
  group: string;
  kind: string;
  edtf: string;
  openEnd: string;
  end: unknown;
  start: { earliest: string | null; latest: string };
  approximate: boolean;
  point: boolean;
  conflict?: boolean;
  claims: { locator: string; date?: string; source: { id: string } }[];
  title: string;
}

describe('timeline of the seed family', () => {
  it("draws the father's blocked exit as 2016~/.. and the mother's as 2017-10~/.., open-ended, under pseudonyms", async () => {
    const body = await get('/timeline?family=family-bw-2019-01');
    const groups = body.groups.map((g: { name: string }) => g.name);
    expect(groups).toEqual(
      expect.arrayContaining(['Father (case BW-2019-01)', 'Mother (case BW-2019-01)', 'Child 1 of family BW-2019-01']),
    );
    expect(
      body.groups.every(
        (g: { protected?: boolean; family?: string }) => g.protected === true && g.family === 'family-bw-2019-01',
      ),
    ).toBe(true);
    const groupOf = (name: string) => body.groups.find((g: { name: string }) => g.name === name).id;
    const blocked = (name: string): Item =>
      body.items.find((i: Item) => i.group === groupOf(name) && i.kind === 'blocked-exit');
    const father = blocked('Father (case BW-2019-01)');
    expect(father).toMatchObject({ edtf: '2016~/..', openEnd: 'open', end: null, approximate: true, point: false });
    expect(father.start).toEqual({ earliest: '2015-01-01', latest: '2017-12-31' });
    expect(father.claims[0]!.source.id).toBe('src-bitter-winter-2019-orphans');
    const mother = blocked('Mother (case BW-2019-01)');
    expect(mother).toMatchObject({ edtf: '2017-10~/..', openEnd: 'open', end: null, approximate: true });
    const trip = body.items.find((i: Item) => i.group === groupOf('Father (case BW-2019-01)') && i.kind === 'crossing');
    expect(trip).toMatchObject({ edtf: '2016~', point: true, end: null });
  });
});

describe('timeline scopes', () => {
  it('shows conflicting claimed dates side by side, each with its own bounds and source', async () => {
    const body = await get('/timeline?people=fx-p3');
    const detention = body.items.filter((i: Item) => i.kind === 'detention');
    expect(detention).toHaveLength(2);
    expect(detention.every((i: Item) => i.conflict === true)).toBe(true);
    expect(
      detention.map((i: Item) => `${i.edtf} ${i.start.earliest} ${i.claims.map((c) => c.locator).join()}`).sort(),
    ).toEqual(['2017-08/2018 2017-08-01 min 7', '2017-09-01/2018 2017-09-01 min 2']);
    expect(new Set(body.items.map((i: Item) => i.id)).size).toBe(body.items.length);
    const crossing = body.items.find((i: Item) => i.kind === 'crossing');
    expect(crossing.conflict).toBeUndefined();
  });

  it("groups a facility's detainees and a border post's travellers per person", async () => {
    const camp = await get('/timeline?facility=fx-camp-1');
    expect(camp.anchor.id).toBe('fx-camp-1');
    expect(camp.groups.map((g: { name: string }) => g.name).sort()).toEqual([
      'Adil Fixture',
      'Bota Fixture',
      'Erlan Fixture',
    ]);
    expect(camp.items.map((i: Item) => `${i.group} ${i.edtf}`).sort()).toEqual([
      'fx-p1 2017-05-20/..',
      'fx-p2 2017-06/2018-02',
      'fx-p4 2015~/2016~',
    ]);
    const post = await get('/timeline?crossing=fx-khorgos');
    expect(post.items.map((i: Item) => i.group).sort()).toEqual(['fx-p1', 'fx-p2', 'fx-p3']);
    expect(post.items.every((i: Item) => i.kind === 'crossing' && i.point)).toBe(true);
  });

  it('keeps only events possibly overlapping the window', async () => {
    const body = await get('/timeline?people=fx-p1,fx-p2&from=2018-01-01&to=2018-12-31');
    expect(body.items.map((i: Item) => `${i.group} ${i.edtf}`).sort()).toEqual([
      'fx-p1 2017-05-20/..',
      'fx-p2 2017-06/2018-02',
      'fx-p2 2017~',
    ]);
    expect(body.groups.map((g: { id: string }) => g.id)).toEqual(['fx-p1', 'fx-p2']);
  });

  it('answers 404 for unknown ids or the wrong kind of entity, and 400 for ambiguous scopes', async () => {
    await get('/timeline?people=nobody', 404);
    await get('/timeline?people=fx-kid1', 404); // a protected person's real id finds nothing
    await get('/timeline?facility=fx-khorgos', 404);
    await get('/timeline?crossing=fx-city', 404);
    await get('/timeline?family=fx-p1', 404);
    await get('/timeline?people=fx-p1&facility=fx-camp-1', 400);
    await get('/timeline', 400);
    await get('/timeline?people=fx-p1&from=2019-13-01', 400);
    await get('/timeline?people=fx-p1&color=red', 400);
  });

  it('finds a protected child by public id and never shows the real id or name', async () => {
    const family = await get('/timeline?family=fx-family');
    const kid = family.groups.find((g: { protected?: boolean }) => g.protected);
    expect(kid.name).toMatch(/^Protected person /);
    await get(`/timeline?people=${kid.id}`);
    const secrets = await seedSecrets();
    for (const text of fixture.bodies) for (const secret of secrets) expect(text.includes(secret), secret).toBe(false);
  });
});
