import { afterAll, beforeAll, expect, it } from 'vitest';
import { disconnect } from '../graph/db/driver.js';
import { EXPORT_FORMATS, renderExport } from '../graph/export/index.js';
import { renderOffThread } from '../graph/export/off-thread.js';
import { exportGraph, type GraphExport } from '../graph/store/export.js';
import { validateAndLoad } from '../graph/store/check.js';
import { generateDataset } from '../seeds/generate.js';
import { freshGraph } from './support/graph.js';

// Issue 18: a large export is redacted and written in a worker thread, and says exactly what
// the same export written on the event loop says (so the read layer's rules hold there too).
let data: GraphExport;

beforeAll(async () => {
  await freshGraph();
  await validateAndLoad(generateDataset({ people: 400, seed: 12 }), { file: 'off-thread' });
  data = await exportGraph();
}, 240_000);
afterAll(disconnect);

it('a worker renders every format as the event loop does, for an anonymous viewer and a cleared reader', async () => {
  expect(data.dataset.entities.length + data.dataset.relationships.length).toBeGreaterThan(2_000);
  const cleared = { userId: 'u1', username: 'c', role: 'cleared', clearance: 'pseudonymous' } as const;
  for (const reader of [undefined, cleared]) {
    for (const format of EXPORT_FORMATS) {
      expect(await renderOffThread(format, data, { reader })).toEqual(renderExport(format, data, { reader }));
    }
  }
});
