import type { Response } from 'express';
import type { Reader } from '../../graph/access/roles.js';
import { appendAudit } from '../../graph/audit/log.js';
import { exportScope, type ExportFormat } from '../../graph/export/index.js';
import { renderOffThread } from '../../graph/export/off-thread.js';
import { citationsOf, sourceDetail, subgraphDataset } from '../../graph/queries/citations.js';
import { findNode } from '../../graph/queries/entity.js';
import { ENTITY } from '../../graph/vocabulary/entity-types.js';
import { exportGraph, type GraphExport } from '../../graph/store/export.js';
import { exportView } from '../../graph/store/export-view.js';
import { counts } from '../../graph/store/admin.js';
import { ApiError, notFound } from '../errors.js';
import { MEDIA_TYPE, type evidenceRoutes } from '../contract/evidence.js';
import type { Handlers } from './define.js';
import { versionFor } from '../../graph/write/history.js';
import { etagOf } from '../../graph/write/refused.js';

/** Whole-graph exports above this size belong to the CLI (`kinline export`), not a request. */
const MAX_WHOLE_GRAPH = 50_000;

/**
 * An export as the signed-in reader may see it: the people they may not read by name are withheld
 * (graph/safety/redact-dataset.ts, the export form of the read layer).
 */
async function exportFile(
  reader: Reader,
  format: ExportFormat,
  data: GraphExport,
  csvFile?: string,
): Promise<[string, string]> {
  // Redaction and serialisation of a large export run in a worker: other clients go on being served.
  const files = await renderOffThread(format, data, { reader });
  return format === 'csv'
    ? ([...files].find(([file]) => file.startsWith(`${csvFile ?? 'people'}.`)) ?? [`${csvFile}.csv`, ''])
    : [...files][0]!;
}

function send(res: Response, format: ExportFormat, [name, text]: [string, string]) {
  res.type(MEDIA_TYPE[format]).set('Content-Disposition', `attachment; filename="${name}"`).send(text);
}

export const evidenceHandlers: Handlers<typeof evidenceRoutes> = {
  citations: async ({ params }, scope, res) => {
    const facts = await citationsOf(scope, params.id);
    if (!facts) throw notFound('relationship or event');
    // A relationship's version, for If-Match on its changes (graph/write); an event's is on GET /entities.
    const version =
      facts.fact.kind === 'relationship' && facts.fact.id === params.id
        ? await versionFor(scope, 'relationship', params.id)
        : null;
    if (version !== null) res.set('ETag', etagOf(version));
    return facts;
  },
  source: async ({ params, query }, scope) =>
    (await sourceDetail(scope, params.id, query.limit)) ?? Promise.reject(notFound('source')),
  cite: async ({ params, query }, scope, res) => {
    const source = await findNode(scope, params.id);
    if (source?.type !== ENTITY.Source) throw notFound('source');
    send(
      res,
      query.format,
      await exportFile(scope.reader, query.format, await exportView(await subgraphDataset(scope, [params.id]))),
    );
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
    const data = query.ids ? await exportView(await subgraphDataset(scope, query.ids)) : await exportGraph();
    const { reader } = scope;
    const file = await exportFile(reader, query.format, data, query.csvFile);
    // Audited before anything is sent: an export that cannot be recorded is not made.
    await appendAudit({
      actor: reader.username ?? 'anonymous',
      action: 'export',
      details: {
        via: 'http',
        format: query.format,
        scope: query.ids ? { view: query.ids.length } : 'whole graph',
        ...(query.csvFile ? { csvFile: query.csvFile } : {}),
        clearance: reader.clearance,
        ...exportScope(data.dataset, { reader }),
      },
    });
    send(res, query.format, file);
  },
};
