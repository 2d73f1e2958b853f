import { beforeAll, expect, it } from 'vitest';
import { freshGraph } from './support/graph.js';
import { validateAndLoad } from '../graph/store/check.js';
import { exportDataset } from '../graph/store/export.js';
import { counts } from '../graph/store/admin.js';

beforeAll(freshGraph);

it('loads a tiny dataset', async () => {
  const data = {
    kinline: 1,
    entities: [
      { type: 'Source', id: 's1', names: [{ value: 'Article', kind: 'primary' }], kind: 'article', date: '2019-04' },
      {
        type: 'Person',
        id: 'p1',
        names: [
          { value: 'Aiman Umarova', kind: 'primary' },
          { value: 'Айман Умарова', script: 'Cyrl' },
        ],
      },
      { type: 'Person', id: 'p2', names: [{ value: 'Child' }], minor: true },
    ],
    relationships: [
      {
        id: 'r1',
        type: 'PARENT_OF',
        from: 'p1',
        to: 'p2',
        claims: [{ source: 's1', locator: 'para 3', excerpt: 'x' }],
      },
    ],
  };
  const summary = await validateAndLoad(data);
  expect(summary.created.nodes).toBe(4);
  await validateAndLoad(data);
  const c = await counts();
  expect(c.Person).toBe(2);
  const out = await exportDataset();
  expect(out.relationships[0]?.claims[0]?.excerpt).toBe('x');
});
