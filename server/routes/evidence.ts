import { z } from 'zod';
import { CSV_COLUMNS, type CsvSheet } from '../../graph/export/csv.js';
import { renderExport, type ExportFormat } from '../../graph/export/index.js';
import { citationsOf, sourceDetail, subgraphDataset } from '../../graph/queries/citations.js';
import { findNode } from '../../graph/queries/entity.js';
import { currentLexicon } from '../../graph/safety/lexicon.js';
import { exportDataset } from '../../graph/store/export.js';
import { counts } from '../../graph/store/admin.js';
import { ApiError, notFound } from '../errors.js';
import { idList, intParam, route } from './define.js';
import { ENTITY } from '../../graph/vocabulary/entity-types.js';

const IdParam = z.object({ id: z.string().min(1).max(120) }).strict();

const MEDIA_TYPE: Record<ExportFormat, string> = {
  json: 'application/json',
  graphml: 'application/graphml+xml',
  gexf: 'application/gexf+xml',
  csv: 'text/csv',
  ftm: 'application/x-ndjson',
  gedcom: 'text/plain',
  csl: 'application/vnd.citationstyles.csl+json',
  bibtex: 'application/x-bibtex',
};
const VIEW_FORMATS = ['json', 'graphml', 'gexf', 'csv', 'csl', 'bibtex'] as const;
const CSV_FILES = Object.keys(CSV_COLUMNS) as [CsvSheet, ...CsvSheet[]];
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

export const evidenceRoutes = [
  route({
    method: 'get',
    path: '/citations/:id',
    tag: 'evidence',
    summary: 'The claims behind one relationship or event: source, locator, verbatim excerpt, confidence',
    params: IdParam,
    handler: async ({ params }) => (await citationsOf(params.id)) ?? Promise.reject(notFound('relationship or event')),
  }),
  route({
    method: 'get',
    path: '/sources/:id',
    tag: 'evidence',
    summary: 'A source with every claim it supports',
    params: IdParam,
    query: z.object({ limit: intParam(1, 1000, 200) }).strict(),
    handler: async ({ params, query }) =>
      (await sourceDetail(params.id, query.limit)) ?? Promise.reject(notFound('source')),
  }),
  route({
    method: 'get',
    path: '/sources/:id/cite',
    tag: 'evidence',
    summary: 'A source as CSL-JSON or BibTeX',
    params: IdParam,
    query: z.object({ format: z.enum(['csl', 'bibtex']).default('csl') }).strict(),
    produces: [MEDIA_TYPE.csl, MEDIA_TYPE.bibtex],
    handler: async ({ params, query }, res) => {
      const source = await findNode(params.id);
      if (source?.type !== ENTITY.Source) throw notFound('source');
      await sendExport(res, query.format, await subgraphDataset([params.id]));
    },
  }),
  route({
    method: 'get',
    path: '/export',
    tag: 'export',
    summary:
      'A view (ids) or the whole graph as JSON (lossless), GraphML/GEXF (Gephi), CSV, CSL-JSON or BibTeX; always redacted',
    query: z
      .object({
        format: z.enum(VIEW_FORMATS).default('json'),
        ids: idList(5000).optional().describe('entities in the view; omit for the whole graph'),
        csvFile: z.enum(CSV_FILES).optional().describe('with format=csv: which table'),
      })
      .strict(),
    produces: VIEW_FORMATS.map((f) => MEDIA_TYPE[f]),
    handler: async ({ query }, res) => {
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
  }),
];
