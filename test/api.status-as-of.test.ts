import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSeedCase } from '../seeds/index.js';
import { startApi, type Api } from './support/api.js';
import { freshGraph } from './support/graph.js';

let api: Api;
const idOf = async (name: string) =>
  (await api.get(`/api/search?q=${encodeURIComponent(name)}&types=Person`)).body.items.find(
    (h: { name: string }) => h.name === name,
  ).id as string;

beforeAll(async () => {
  await freshGraph();
  await loadSeedCase();
  api = await startApi();
});
afterAll(async () => {
  await api?.close();
});

describe('GET /api/status-as-of', () => {
  it('says both parents were certainly blocked on 2019-04-13, the children unknown (never free), and only possibly in 2017', async () => {
    const [father, mother, child] = await Promise.all([
      idOf('Father (case BW-2019-01)'),
      idOf('Mother (case BW-2019-01)'),
      idOf('Child 1 of family BW-2019-01'),
    ]);
    const on = await api.get(`/api/status-as-of?date=2019-04-13&ids=${father},${mother},${child},nobody`);
    expect(on.status).toBe(200);
    const byId = new Map(on.body.people.map((p: { id: string }) => [p.id, p]));
    expect(byId.get(father)).toMatchObject({ status: 'blocked', state: 'certainly-deprived' });
    expect(byId.get(mother)).toMatchObject({ status: 'blocked', state: 'certainly-deprived' });
    // Nothing says where the child was: unknown, with no evidence, not free.
    expect(byId.get(child)).toEqual({ id: child, state: 'unknown', events: [] });
    expect(on.body.notFound).toEqual(['nobody']);
    expect(on.text).not.toContain('person-bw-2019-01');
    const early = await api.get(`/api/status-as-of?date=2017-09-15&ids=${father},${mother}`);
    const mum = early.body.people.find((p: { id: string }) => p.id === mother);
    expect(mum).toMatchObject({ state: 'possibly-deprived' });
    expect((await api.get('/api/status-as-of?date=2019-02-30&ids=x')).status).toBe(400);
  });
});
