import { renderExport, type ExportFormat } from '../../graph/export/index.js';
import { citationsOf, sourceDetail, subgraphDataset } from '../../graph/queries/citations.js';
import { findNode } from '../../graph/queries/entity.js';
import { currentLexicon } from '../../graph/safety/lexicon.js';
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
  // Exports are redacted already; the lexicon scan is the same last line of defence as for JSON.
  const lexicon = await currentLexicon();
  res.type(MEDIA_TYPE[format]).set('Content-Disposition', `attachment; filename="${name}"`).send(lexicon.scrub(text));
}

export const evidenceHandlers: Handlers<typeof evidenceRoutes> = {
  citations: async ({ params }) => (await citationsOf(params.id)) ?? Promise.reject(notFound('relationship or event')),
  source: async ({ params, query }) =>
    (await sourceDetail(params.id, query.limit)) ?? Promise.reject(notFound('source')),
  cite: async ({ params, query }, res) => {
    const source = await findNode(params.id);
    if (source?.type !== ENTITY.Source) throw notFound('source');
    await sendExport(res, query.format, await subgraphDataset([params.id]));
  },
  export: async ({ query }, res) => {
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
      query.ids ? await subgraphDataset(query.ids) : await exportDataset(),
      query.csvFile,
    );
  },
};
