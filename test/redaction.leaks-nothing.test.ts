import { afterAll, beforeAll, expect, it } from 'vitest';
import { WITHHELD_TEXT } from '../graph/queries/claims.js';
import { api as contract } from '../server/contract/index.js';
import { seededApi, type Api } from './support/api.js';
import { storedPublicIds } from './support/graph.js';
import { FORBIDDEN, SECRETS, protectedFixture } from './support/protected-fixture.js';
import { sampleRequests } from './support/route-samples.js';

let api: Api;
let publicIdOf: (id: string) => string;

beforeAll(async () => {
  api = await seededApi(protectedFixture);
  publicIdOf = await storedPublicIds();
});
afterAll(() => api?.close());

const requests = () =>
  sampleRequests({
    person: 'person-aiman-umarova',
    protectedPerson: publicIdOf(SECRETS.childId),
    family: 'family-bw-2019-01',
    facility: 'facility-xinjiang-transformation-through-education-camps',
    crossing: 'place-xinjiang',
    source: 'src-bitter-winter-2019-orphans',
    event: 'event-bw-2019-01-father-blocked-exit',
    relationship: SECRETS.relationshipId,
  });

it('has sample requests for every route of the API', () => {
  const samples = requests();
  for (const name of Object.keys(contract)) expect(samples[name as keyof typeof samples], name).toBeDefined();
});

it("never puts a protected person's name, id, birth date or identity number in any response body", async () => {
  const samples = requests();
  let checked = 0;
  for (const name of Object.keys(contract) as (keyof typeof contract)[]) {
    for (const path of samples[name]) {
      const reply = await api.get(path);
      expect(reply.status, path).toBeLessThan(500);
      for (const secret of FORBIDDEN) expect(reply.text.includes(secret), `${path} leaks "${secret}"`).toBe(false);
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(30);
});

it('shows the protected child by pseudonym where it does appear', async () => {
  const reply = await api.get(`/api/entities/${publicIdOf(SECRETS.childId)}`);
  expect(reply.status).toBe(200);
  expect(reply.body.entity).toMatchObject({ id: publicIdOf(SECRETS.childId), protected: true });
  expect(reply.body.entity.name).toMatch(/^Protected person /);
  expect(reply.body.entity.birthDate).toBeUndefined();
  const guardian = reply.body.relationships.find((r: { type: string }) => r.type === 'GUARDIAN_OF');
  expect(guardian.other.id).toBe('person-aiman-umarova');
  expect(guardian.claims[0]).toMatchObject({ excerpt: WITHHELD_TEXT, withheld: true });
});

it("finds nothing by a protected person's real name or real id", async () => {
  for (const name of [...SECRETS.childNames, ...SECRETS.witnessNames]) {
    const reply = await api.get(`/api/search?q=${encodeURIComponent(name)}&types=Person`);
    expect(
      reply.body.items.filter((hit: { protected?: boolean }) => hit.protected),
      name,
    ).toEqual([]);
  }
  expect((await api.get(`/api/entities/${SECRETS.childId}`)).status).toBe(404);
  expect((await api.get(`/api/citations/${SECRETS.birthEventId}`)).status).toBe(404);
});
