import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Dataset, Entity, Relationship } from '../graph/schema/index.js';
import { disclosureOf, isProtected } from '../graph/safety/disclosure.js';
import { validateAndLoad } from '../graph/store/check.js';
import { api as contract } from '../server/contract/index.js';
import { generateDataset } from '../seeds/generate.js';
import { startApi, type Api } from './support/api.js';
import { freshGraph, storedPublicIds } from './support/graph.js';
import { sampleRequests } from './support/route-samples.js';

// Every route on a generated 10,000-person graph, with answers checked against the dataset.
let api: Api;
let data: Dataset;
let publicIdOf: (id: string) => string;
const byId = new Map<string, Entity>();
const visible = (id: string) => {
  const e = byId.get(id);
  return e?.type === 'Person' && isProtected(disclosureOf(e)) ? publicIdOf(id) : id;
};
const isPublicPerson = (e: Entity | undefined) => e?.type === 'Person' && !isProtected(disclosureOf(e));
const relsOf = (type: Relationship['type']) => data.relationships.filter((r) => r.type === type);

beforeAll(async () => {
  await freshGraph();
  data = generateDataset({ people: 10_000, seed: 7 });
  for (const e of data.entities) byId.set(e.id, e);
  await validateAndLoad(data, { transaction: 'batched', file: 'synthetic-10k' });
  publicIdOf = await storedPublicIds();
  api = await startApi();
}, 900_000);
afterAll(() => api?.close());

function pick() {
  const parentLink = relsOf('PARENT_OF').find(
    (r) => isPublicPerson(byId.get(r.from)) && isPublicPerson(byId.get(r.to)),
  )!;
  const detained = relsOf('PARTICIPATED_IN').find(
    (r) => (byId.get(r.to) as { kind?: string }).kind === 'detention' && isPublicPerson(byId.get(r.from)),
  )!;
  const facility = relsOf('OCCURRED_AT').find((r) => r.from === detained.to && byId.get(r.to)?.type === 'Facility')!.to;
  const crossing = data.entities.find((e) => e.type === 'Place' && e.kind === 'border-crossing')!.id;
  const family = relsOf('MEMBER_OF').find((r) => r.from === parentLink.from)!.to;
  const protectedPerson = data.entities.find((e) => e.type === 'Person' && isProtected(disclosureOf(e)))!.id;
  return { parentLink, detained, facility, crossing, family, protectedPerson };
}

it('answers every route with 2xx on the generated graph', async () => {
  const p = pick();
  const source = data.entities.find((e) => e.type === 'Source')!.id;
  const samples = sampleRequests({
    person: p.parentLink.from,
    protectedPerson: publicIdOf(p.protectedPerson),
    family: p.family,
    facility: p.facility,
    crossing: p.crossing,
    source,
    event: p.detained.to,
    relationship: p.parentLink.id,
  });
  for (const name of Object.keys(contract) as (keyof typeof contract)[]) {
    // Whole-graph exports are the seed-case tests' and the CLI's job; here, exports of a view.
    const paths = samples[name].filter((path) => !path.startsWith('/api/export') || path.includes('ids='));
    for (const path of paths) {
      const reply = await api.get(path);
      expect(reply.status, `${path} -> ${reply.status} ${reply.text.slice(0, 200)}`).toBe(200);
    }
  }
}, 600_000);

it('finds a person by name and by their Cyrillic alias', async () => {
  const person = data.entities.find((e) => isPublicPerson(e) && e.names.some((n) => n.script === 'Cyrl'))!;
  for (const name of [person.names[0]!.value, person.names.find((n) => n.script === 'Cyrl')!.value]) {
    const reply = await api.get(`/api/search?q=${encodeURIComponent(name)}&types=Person&limit=50`);
    expect(
      reply.body.items.map((i: { id: string }) => i.id),
      name,
    ).toContain(person.id);
  }
});

it('pages through a common surname best first, every hit once, with and without a type filter', async () => {
  const surname = data.entities.find(isPublicPerson)!.names[0]!.value.split(' ')[1]!;
  for (const filter of ['', '&types=Person']) {
    const all = (await api.get(`/api/search?q=${encodeURIComponent(surname)}${filter}&limit=100`)).body.items as {
      id: string;
      score: number;
    }[];
    expect(all.length, `${surname}${filter}`).toBeGreaterThan(40);
    const pages: { id: string; score: number }[] = [];
    for (let offset = 0; offset < all.length; offset += 15) {
      pages.push(
        ...(await api.get(`/api/search?q=${encodeURIComponent(surname)}${filter}&limit=15&offset=${offset}`)).body
          .items,
      );
    }
    expect(pages.slice(0, all.length).map((h) => h.id)).toEqual(all.map((h) => h.id));
    expect(new Set(pages.map((h) => h.id)).size).toBe(pages.length);
    expect(pages.map((h) => h.score)).toEqual([...pages.map((h) => h.score)].sort((a, b) => b - a));
  }
});

it('names the relation between a parent and a child, and shows the parent in the family', async () => {
  const { parentLink } = pick();
  const paths = await api.get(`/api/paths?from=${parentLink.from}&to=${parentLink.to}&kinshipOnly=true&maxHops=2`);
  expect(paths.body.paths[0].relation).toMatch(/^(father|mother|parent)$/);
  const family = await api.get(`/api/family/${parentLink.to}?generations=1`);
  expect(family.body.people.map((x: { id: string }) => x.id)).toContain(visible(parentLink.from));
});

it('lists the relationships of an entity with the claims that were loaded', async () => {
  const { parentLink } = pick();
  const reply = await api.get(`/api/citations/${parentLink.id}`);
  expect(reply.status).toBe(200);
  expect(reply.body.claims.map((c: { excerpt: string }) => c.excerpt)).toEqual(parentLink.claims.map((c) => c.excerpt));
  const neighbourhood = await api.get(`/api/neighbourhood?ids=${parentLink.from}&depth=2&limit=300`);
  expect(neighbourhood.body.nodes.map((n: { id: string }) => n.id)).toContain(visible(parentLink.to));
  expect(neighbourhood.body.nodes.length).toBeLessThanOrEqual(300);
});

it("puts a detention on the detainee's timeline and at the facility", async () => {
  const { detained, facility } = pick();
  const person = await api.get(`/api/timeline?people=${detained.from}`);
  expect(person.body.items.map((i: { eventId: string }) => i.eventId)).toContain(detained.to);
  const atFacility = await api.get(`/api/timeline?facility=${facility}&limit=5000`);
  expect(atFacility.body.items.map((i: { eventId: string }) => i.eventId)).toContain(detained.to);
});

it('finds people detained after crossing at a border post, each backed by a crossing there', async () => {
  const crossings = data.entities.filter((e) => e.type === 'Place' && e.kind === 'border-crossing');
  let hits = 0;
  for (const crossing of crossings) {
    const reply = await api.get(
      `/api/patterns/crossing-detentions?crossing=${crossing.id}&from=2000-01-01&to=2030-12-31&days=120&limit=20`,
    );
    expect(reply.status).toBe(200);
    for (const hit of reply.body.items) {
      hits++;
      if (hit.person.protected) continue; // its events' ids are public ids, not the dataset's
      const crossed = relsOf('OCCURRED_AT')
        .filter((r) => r.to === crossing.id)
        .map((r) => r.from);
      expect(crossed).toContain(hit.crossing.id);
    }
  }
  expect(hits).toBeGreaterThan(0);
});
