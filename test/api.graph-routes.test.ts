import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAndLoad } from '../graph/store/check.js';
import { wipe } from '../graph/store/admin.js';
import { ANONYMOUS } from '../graph/access/roles.js';
import { scopeFor } from '../graph/read/scope.js';
import { neighbourhood } from '../graph/queries/neighbourhood.js';
import { familyNetwork } from '../graph/queries/family.js';
import { shortestPaths } from '../graph/queries/paths.js';
import { loadSeedCase, seedCasePath } from '../seeds/index.js';
import { freshGraph, storedPublicIds } from './support/graph.js';
import { startApi, type Api } from './support/api.js';
import { BIG_HUB, HUB, PROTECTED, kinFixture } from './support/kin-fixture.js';

let api: Api;
let publicIdOf: (id: string) => string;
let secret: string;
const bodies: string[] = [];

async function get(path: string) {
  const response = await api.get(`/api${path}`);
  bodies.push(response.text);
  return response;
}

const relation = async (from: string, to: string) =>
  (await get(`/paths?from=${from}&to=${to}&kinshipOnly=true`)).body.paths[0]?.relation;

beforeAll(async () => {
  await freshGraph();
  await validateAndLoad(kinFixture());
  publicIdOf = await storedPublicIds();
  secret = publicIdOf(PROTECTED.id);
  api = await startApi();
});
afterAll(() => api?.close());

describe('neighbourhood', () => {
  it('caps a hub of 500 and counts the neighbours it hides', async () => {
    const { status, body } = await get(`/neighbourhood?ids=${HUB.id}`);
    expect(status).toBe(200);
    expect(body.nodes).toHaveLength(150);
    expect(body.truncated).toBe(true);
    expect(body.hiddenNeighbours[HUB.id]).toBe(HUB.members + 1 - 149);
    expect(body.edges).toHaveLength(149);
    expect(body.edges.every((e: { target: string }) => e.target === HUB.id)).toBe(true);
    const all = await get(`/neighbourhood?ids=${HUB.id}&limit=2000`);
    expect(all.body.nodes).toHaveLength(HUB.members + 2);
    expect(all.body.truncated).toBe(false);
    expect(all.body.hiddenNeighbours[HUB.id]).toBeUndefined();
    const big = await get(`/neighbourhood?ids=${BIG_HUB.id}&limit=300`);
    expect(big.body.nodes).toHaveLength(300);
    expect(big.body.truncated).toBe(true);
    expect(big.body.hiddenNeighbours).toEqual({ [BIG_HUB.id]: BIG_HUB.members - 299 });
  });

  it('shows the protected child as a pseudonym at depth 2, never by real id or name', async () => {
    const { body } = await get(
      '/neighbourhood?ids=kairat&depth=2&relTypes=PARENT_OF,SIBLING_OF,PARTNER_OF,GUARDIAN_OF',
    );
    const child = body.nodes.find((n: { id: string }) => n.id === secret);
    expect(child).toEqual({
      id: secret,
      type: 'Person',
      name: expect.stringMatching(/^Protected person/),
      protected: true,
    });
    expect(body.nodes.map((n: { id: string }) => n.id)).toEqual(
      expect.arrayContaining(['fedor', 'mira', 'gp-pavel', 'gulmira']),
    );
    const toChild = body.edges.filter((e: { target: string }) => e.target === secret);
    expect(toChild.length).toBeGreaterThanOrEqual(3);
    expect(toChild.every((e: { id: string; date?: string }) => e.id.startsWith('anon-') && e.date === undefined)).toBe(
      true,
    );
  });

  it('filters by relationship type, entity type, confidence and date window', async () => {
    const parents = await get('/neighbourhood?ids=fedor&relTypes=PARENT_OF');
    expect(parents.body.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      ['fedor', 'gp-galina', 'gp-pavel', 'kairat', secret].sort(),
    );
    const events = await get('/neighbourhood?ids=fedor&types=Event');
    expect(events.body.nodes.map((n: { id: string }) => n.id).sort()).toEqual([
      'event-detention-fedor',
      'event-trial-1999',
      'fedor',
    ]);
    expect(events.body.hiddenNeighbours.fedor).toBeUndefined();
    const window = await get('/neighbourhood?ids=fedor&types=Event&from=2017-06-01&to=2017-12-31');
    expect(window.body.nodes.map((n: { id: string }) => n.id).sort()).toEqual(['event-detention-fedor', 'fedor']);
    const sure = await get(`/neighbourhood?ids=${secret}&minConfidence=possible`);
    expect(sure.body.nodes.map((n: { id: string }) => n.id)).not.toContain('gulmira');
    const any = await get(`/neighbourhood?ids=${secret}`);
    expect(any.body.nodes.map((n: { id: string }) => n.id)).toContain('gulmira');
  });

  it('answers 404 for unknown ids (a protected real id included) and 400 for bad input', async () => {
    expect((await get('/neighbourhood?ids=nobody')).status).toBe(404);
    expect((await get(`/neighbourhood?ids=${PROTECTED.id}`)).status).toBe(404);
    expect((await get('/neighbourhood?ids=fedor&relTypes=CITES')).status).toBe(400);
    expect((await get('/neighbourhood?ids=fedor&relTypes=PARENT_OF%7C%7CX')).status).toBe(400);
    expect((await get('/neighbourhood?ids=fedor&depth=4')).status).toBe(400);
    expect((await get('/neighbourhood?ids=fedor&limit=2001')).status).toBe(400);
    expect((await get('/neighbourhood?ids=fedor&from=2019-01-01&to=2018-01-01')).status).toBe(400);
    expect((await get('/neighbourhood?ids=fedor&bogus=1')).status).toBe(400);
  });
});

describe('paths and kinship names', () => {
  it('names relations the way a genealogist would', async () => {
    expect(await relation('ulan', 'kairat')).toBe('maternal uncle');
    expect(await relation('gp-galina', 'kairat')).toBe('paternal grandmother');
    expect(await relation('anna', 'kairat')).toBe('paternal aunt');
    expect(await relation('cora', 'kairat')).toBe('first cousin');
    expect(await relation(secret, 'kairat')).toBe('sibling');
    expect(await relation('kairat', secret)).toBe('brother');
    expect(await relation('fedor', secret)).toBe('father');
    expect(await relation('mira', 'fedor')).toBe('wife');
    expect(await relation('kairat', 'ulan')).toBe('nephew');
    expect(await relation('fedor', 'gp-marina')).toBe('son-in-law');
    expect(await relation('ulan', 'fedor')).toBe('brother-in-law');
    expect(await relation('gulmira', secret)).toBe('guardian');
  });

  it('returns nodes and edges in order, with hop limits and non-kinship paths', async () => {
    const { body } = await get('/paths?from=ulan&to=kairat&kinshipOnly=true');
    expect(body.paths.length).toBeGreaterThanOrEqual(1);
    const path = body.paths[0];
    expect(path.nodes[0].id).toBe('ulan');
    expect(path.nodes.at(-1).id).toBe('kairat');
    expect(path.edges).toHaveLength(path.nodes.length - 1);
    expect((await get('/paths?from=ulan&to=kairat&kinshipOnly=true&maxHops=2')).body.paths).toEqual([]);
    const viaHub = await get('/paths?from=member-001&to=kairat');
    expect(viaHub.body.paths[0].nodes.map((n: { id: string }) => n.id)).toEqual([
      'member-001',
      HUB.id,
      'fedor',
      'kairat',
    ]);
    expect(viaHub.body.paths[0].relation).toBeUndefined();
    expect((await get('/paths?from=member-001&to=kairat&kinshipOnly=true')).body.paths).toEqual([]);
    expect((await get('/paths?from=nobody&to=kairat')).status).toBe(404);
    expect((await get('/paths?from=fedor&to=kairat&maxHops=9')).status).toBe(400);
  });
});

describe('family', () => {
  it('returns generations, partners, siblings, guardians and households', async () => {
    const { status, body } = await get('/family/kairat?generations=2');
    expect(status).toBe(200);
    const gen = Object.fromEntries(body.people.map((p: { id: string; generation: number }) => [p.id, p.generation]));
    expect(gen).toMatchObject({
      kairat: 0,
      fedor: -1,
      mira: -1,
      anna: -1,
      ulan: -1,
      'gp-pavel': -2,
      'gp-marina': -2,
      cora: 0,
      [secret]: 0,
      gulmira: -1,
    });
    expect(gen[HUB.id]).toBeUndefined();
    expect(body.root).toEqual({ id: 'kairat', type: 'Person', name: 'Kairat Son' });
    expect(body.families).toEqual([
      {
        id: 'family-main',
        name: 'Household of Fedor and Mira',
        members: expect.arrayContaining([
          { id: 'fedor', role: 'parent' },
          { id: 'mira', role: 'parent' },
          { id: 'kairat', role: 'child' },
          { id: secret, role: 'child' },
        ]),
      },
    ]);
    expect(
      body.edges.some(
        (e: { type: string; source: string; target: string }) => e.type === 'PARTNER_OF' && e.source === 'fedor',
      ),
    ).toBe(true);
    const one = await get('/family/kairat?generations=1');
    expect(one.body.people.map((p: { id: string }) => p.id)).not.toContain('gp-pavel');
    expect(one.body.people.map((p: { id: string }) => p.id)).toContain('anna');
    expect((await get(`/family/${PROTECTED.id}`)).status).toBe(404);
    expect((await get(`/family/${HUB.id}`)).status).toBe(404);
    expect((await get('/family/kairat?generations=5')).status).toBe(400);
  });
});

describe('safety', () => {
  it('never leaks the protected child, in the query functions as in the responses', async () => {
    const viewer = scopeFor(ANONYMOUS);
    const raw = JSON.stringify([
      await neighbourhood(viewer, ['kairat'], { depth: 3, limit: 2000 }),
      await neighbourhood(viewer, [secret], { depth: 2, limit: 150 }),
      await shortestPaths(viewer, 'fedor', secret, { maxHops: 8, kinshipOnly: false, limit: 50 }),
      await familyNetwork(viewer, 'kairat', { generations: 4, limit: 2000 }),
      await familyNetwork(viewer, secret, { generations: 4, limit: 2000 }),
    ]);
    expect(raw).toContain(secret);
    for (const body of [raw, ...bodies]) {
      for (const term of [PROTECTED.id, PROTECTED.name, 'Secretname', PROTECTED.alias, PROTECTED.birthDate])
        expect(body).not.toContain(term);
    }
  });
});

describe('seed case', () => {
  interface SeedPerson {
    id: string;
    type: string;
    minor?: boolean;
    disclosure?: string;
    pseudonym?: string;
    names: { value: string }[];
    birthDate?: string;
  }
  const seed = JSON.parse(readFileSync(seedCasePath, 'utf8')) as { entities: SeedPerson[] };
  const hidden = seed.entities.filter(
    (e) => e.type === 'Person' && (e.minor || (e.disclosure && e.disclosure !== 'public')),
  );
  const pseudonyms = hidden.map((p) => p.pseudonym ?? '');
  const children = [1, 2, 3, 4].map((n) => `person-bw-2019-01-child-${n}`);

  beforeAll(async () => {
    await wipe();
    await loadSeedCase();
    publicIdOf = await storedPublicIds();
    bodies.length = 0;
  });

  it("shows Umarova's four clients as pseudonyms, and the father as child 1's parent", async () => {
    const { body } = await get('/neighbourhood?ids=person-aiman-umarova');
    for (const id of children) {
      expect(body.nodes).toContainEqual(
        expect.objectContaining({
          id: publicIdOf(id),
          protected: true,
          name: expect.stringMatching(/^Child \d of family BW-2019-01$/),
        }),
      );
    }
    // Both are protected: a viewer learns neither one's gender from the kinship word.
    expect(await relation(publicIdOf('person-bw-2019-01-father'), publicIdOf(children[0]!))).toBe('parent');
    const family = await get(`/family/${publicIdOf(children[0]!)}`);
    expect(family.body.people.filter((p: { generation: number }) => p.generation === 0)).toHaveLength(4 + 3);
    expect(family.body.families.map((f: { id: string }) => f.id).sort()).toEqual([
      'family-bw-2019-01',
      'family-bw-2019-01-hosts',
    ]);
    await get(`/neighbourhood?ids=${children.map(publicIdOf).join(',')}&depth=3&limit=2000`);
    await get(`/paths?from=person-aiman-umarova&to=${publicIdOf('person-bw-2019-01-relative-host-1')}&maxHops=8`);
  });

  it('never puts a protected real id, name or birth date in any body', () => {
    // A placeholder name that is part of a pseudonym ("Child 1") is not a secret.
    const secrets = hidden.flatMap((p) => [
      p.id,
      ...p.names.map((n) => n.value).filter((v) => !pseudonyms.some((s) => s.includes(v))),
      ...(p.birthDate ? [p.birthDate] : []),
    ]);
    expect(bodies.length).toBeGreaterThan(3);
    for (const body of bodies) for (const term of secrets) expect(body, term).not.toContain(term);
  });
});
