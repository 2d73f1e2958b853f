import { afterAll, beforeAll, expect, it } from 'vitest';
import { ANONYMOUS } from '../graph/access/roles.js';
import { familyNetwork } from '../graph/queries/family.js';
import { generationOfRelation } from '../graph/queries/relation-generation.js';
import { scopeFor } from '../graph/read/scope.js';
import { validateAndLoad } from '../graph/store/check.js';
import { startApi, type Api } from './support/api.js';
import { freshGraph, storedPublicIds } from './support/graph.js';
import { HIDDEN_KID, ROOT, UNPLACED, relativesFixture } from './support/relatives-fixture.js';

/** Issue 13: the family view places people from any kinship the data has, and says when it cannot. */
let api: Api;
let kid: string;
const bodies: string[] = [];

beforeAll(async () => {
  await freshGraph();
  await validateAndLoad(relativesFixture());
  kid = (await storedPublicIds())(HIDDEN_KID.id);
  api = await startApi();
});
afterAll(() => api?.close());

async function family(id: string) {
  const response = await api.get(`/api/family/${id}`);
  bodies.push(response.text);
  expect(response.status).toBe(200);
  return response.body as { people: { id: string; name: string; generation: number; around?: string }[] };
}

it('reads a generation from the words of a RELATIVE_OF, and none from "relative"', () => {
  expect(
    ['maternal uncle', 'great-grandmother', 'niece', 'Tía abuela', 'cousin', 'relative', 'cousin once removed'].map(
      generationOfRelation,
    ),
  ).toEqual([-1, -3, 1, -2, 0, undefined, undefined]);
});

it('places relatives by the words of the link, and groups the others around the person', async () => {
  const { people } = await family(ROOT.id);
  const of = (name: string) => people.find((p) => p.name === name)!;
  expect(of('Bakhyt Uncle')).toMatchObject({ generation: -1 });
  expect(of('Aru Niece')).toMatchObject({ generation: 1 });
  expect(of('Timur Cousin')).toMatchObject({ generation: 0 });
  for (const person of [of('Bakhyt Uncle'), of('Aru Niece'), of('Timur Cousin'), of(ROOT.name)])
    expect(person.around).toBeUndefined();
  for (const name of UNPLACED) expect(of(name)).toMatchObject({ generation: 0, around: ROOT.id });
  // The protected child is there by public id only, grouped around the root like the others.
  expect(people.find((p) => p.id === kid)).toMatchObject({ generation: 0, around: ROOT.id });
});

it('names the person others are grouped around by the id the reader sees, never the real one', async () => {
  const { people } = await family(kid);
  expect(people.filter((p) => p.around).map((p) => p.around)).toEqual([kid]);
  expect(people.find((p) => p.name === ROOT.name)).toMatchObject({ around: kid });
  const raw = JSON.stringify(await familyNetwork(scopeFor(ANONYMOUS), kid, { generations: 3, limit: 100 }));
  for (const body of [raw, ...bodies])
    for (const term of [HIDDEN_KID.id, HIDDEN_KID.name, 'Hiddenname', HIDDEN_KID.birthDate])
      expect(body).not.toContain(term);
});
