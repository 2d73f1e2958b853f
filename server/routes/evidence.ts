import { renderExport, type ExportFormat } from '../../graph/export/index.js';
import { citationsOf, sourceDetail, subgraphDataset } from '../../graph/queries/citations.js';
import { findNode } from '../../graph/queries/entity.js';
import { ENTITY } from '../../graph/vocabulary/entity-types.js';
import { exportDataset } from '../../graph/store/export.js';
import { counts } from '../../graph/store/admin.js';
import { ApiError, notFound } from '../errors.js';
import { MEDIA_TYPE, type evidenceRoutes } from '../contract/evidence.js';
import type { Handlers } from './define.js';

/** Whole-graph exports above this size belong to the CLI (`kinline export`), not a request. */
const MAX_WHOLE_GRAPH = 50_000;

async function sendExport(
  res: import('express').Response,
  format: ExportFormat,
  data: Awaited<ReturnType<typeof exportDataset>>,
  csvFile?: string,
) {
  const files = renderExport(format, data);
  const [name, text] =
    format === 'csv'
      ? ([...files].find(([file]) => file.startsWith(`${csvFile ?? 'people'}.`)) ?? [`${csvFile}.csv`, ''])
      : [...files][0]!;
  res.type(MEDIA_TYPE[format]).set('Content-Disposition', `attachment; filename="${name}"`).send(text);
}

export const evidenceHandlers: Handlers<typeof evidenceRoutes> = {
  citations: async ({ params }, scope) =>
    (await citationsOf(scope, params.id)) ?? Promise.reject(notFound('relationship or event')),
  source: async ({ params, query }, scope) =>
    (await sourceDetail(scope, params.id, query.limit)) ?? Promise.reject(notFound('source')),
  cite: async ({ params, query }, scope, res) => {
    const source = await findNode(scope, params.id);
    if (source?.type !== ENTITY.Source) throw notFound('source');
    await sendExport(res, query.format, await subgraphDataset(scope, [params.id]));
  },
  export: async ({ query }, scope, res) => {
    if (!query.ids) {
      const sizes = await counts();
      const total = Object.entries(sizes)
        .filter(([label]) => /^[A-Z][a-z]/.test(label) && label !== 'Claim')
        .reduce((n, [, v]) => n + v, 0);
      if (total > MAX_WHOLE_GRAPH)
        throw new ApiError(
          413,
          'too_large',
          `The graph has ${total} entities; export views by ids, or the whole graph with \`kinline export\`.`,
        );
    }
    await sendExport(
      res,
      query.format,
      query.ids ? await subgraphDataset(scope, query.ids) : await exportDataset(),
      query.csvFile,
    );
  },
};
