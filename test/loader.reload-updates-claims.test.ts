import { beforeAll, expect, it } from 'vitest';
import { freshGraph } from './support/graph.js';
import { read } from '../graph/db/driver.js';
import { counts } from '../graph/store/admin.js';
import { validateAndLoad } from '../graph/store/check.js';

beforeAll(freshGraph);

const source = (id: string) => ({
  type: 'Source',
  id,
  names: [{ value: `Article ${id}`, kind: 'primary' }],
  kind: 'article',
});
const claim = (src: string, excerpt: string) => ({ source: src, locator: 'p. 1', excerpt });
const dataset = (claims: ReturnType<typeof claim>[]) => ({
  kinline: 1,
  entities: [
    source('s1'),
    source('s2'),
    { type: 'Person', id: 'p1', names: [{ value: 'Parent', kind: 'primary' }] },
    { type: 'Person', id: 'p2', names: [{ value: 'Child', kind: 'primary' }], minor: true },
  ],
  relationships: [{ id: 'r1', type: 'PARENT_OF', from: 'p1', to: 'p2', claims }],
});

it('re-points a claim whose source changed and drops surplus claims on reload', async () => {
  await validateAndLoad(dataset([claim('s1', 'first'), claim('s1', 'second')]));
  await validateAndLoad(dataset([claim('s2', 'first, now from s2')]));
  const cites = await read<{ claim: string; source: string; excerpt: string }>(
    'MATCH (c:Claim)-[:CITES]->(s:Source) RETURN c.id AS claim, s.id AS source, c.excerpt AS excerpt ORDER BY claim',
  );
  expect(cites.records.map((r) => r.toObject())).toEqual([
    { claim: 'r1#0', source: 's2', excerpt: 'first, now from s2' },
  ]);
  const c = await counts();
  expect([c.Claim, c.CITES, c.PARENT_OF, c.Person]).toEqual([1, 1, 1, 2]);
});

it('adds only what is new when a dataset grows', async () => {
  await validateAndLoad(dataset([claim('s1', 'first')]));
  const grown = dataset([claim('s1', 'first')]);
  grown.entities.push({ type: 'Person', id: 'p3', names: [{ value: 'Sibling', kind: 'primary' }], minor: true });
  grown.relationships.push({ id: 'r2', type: 'PARENT_OF', from: 'p1', to: 'p3', claims: [claim('s2', 'another')] });
  const summary = await validateAndLoad(grown);
  expect(summary.created).toEqual({ nodes: 2, relationships: 2 });
  const c = await counts();
  expect([c.Person, c.PARENT_OF, c.Claim, c.CITES]).toEqual([3, 2, 2, 2]);
});
