import { z } from 'zod';
import { CSV_COLUMNS, type CsvSheet } from '../../graph/export/csv.js';
import type { ExportFormat } from '../../graph/export/index.js';
import { Dataset } from '../../graph/schema/index.js';
import { CslItems, FactCitations, MAX_SOURCE_CLAIMS, SourceDetail } from '../../graph/views/evidence.js';
import { ErrorBody } from '../../graph/views/system.js';
import { GeoJsonExport } from '../../graph/views/map.js';
import { ERRORS, json, OVER_BUDGET, route } from './define.js';
import { idList, intParam } from './query.js';
import { IdParam } from './explore.js';

export const MEDIA_TYPE = {
  json: 'application/json',
  graphml: 'application/graphml+xml',
  gexf: 'application/gexf+xml',
  csv: 'text/csv',
  ftm: 'application/x-ndjson',
  gedcom: 'text/plain',
  csl: 'application/vnd.citationstyles.csl+json',
  bibtex: 'application/x-bibtex',
  geojson: 'application/geo+json',
} as const satisfies Record<ExportFormat, string>;

const VIEW_FORMATS = [
  'json',
  'graphml',
  'gexf',
  'csv',
  'csl',
  'bibtex',
  'geojson',
] as const satisfies readonly ExportFormat[];
const CSV_FILES = Object.keys(CSV_COLUMNS) as [CsvSheet, ...CsvSheet[]];
/** Entities in one export of a view at most (the `ids` query). */
const MAX_EXPORT_IDS = 5000;

/** The text formats, whose bodies are files (XML, CSV, BibTeX). */
const text = z.string();

export const evidenceRoutes = {
  citations: route({
    method: 'get',
    path: '/citations/:id',
    tag: 'evidence',
    etag: true,
    summary: 'The claims behind one relationship or event: source, locator, verbatim excerpt, confidence',
    params: IdParam,
    responses: { 200: json(FactCitations), ...ERRORS },
  }),
  source: route({
    method: 'get',
    path: '/sources/:id',
    tag: 'evidence',
    summary: 'A source with every claim it supports',
    params: IdParam,
    query: z.object({ limit: intParam(1, MAX_SOURCE_CLAIMS, 200) }).strict(),
    responses: { 200: json(SourceDetail), ...ERRORS },
  }),
  cite: route({
    method: 'get',
    path: '/sources/:id/cite',
    tag: 'evidence',
    summary: 'A source as CSL-JSON or BibTeX',
    params: IdParam,
    query: z.object({ format: z.enum(['csl', 'bibtex']).default('csl') }).strict(),
    responses: { 200: { [MEDIA_TYPE.csl]: CslItems, [MEDIA_TYPE.bibtex]: text }, ...ERRORS },
  }),
  export: route({
    method: 'get',
    path: '/export',
    budget: 'export',
    tag: 'export',
    summary:
      'A view (ids) or the whole graph as JSON (lossless), GraphML/GEXF (Gephi), CSV, CSL-JSON, BibTeX or GeoJSON (located records); always redacted',
    query: z
      .object({
        format: z.enum(VIEW_FORMATS).default('json'),
        ids: idList(MAX_EXPORT_IDS).optional().describe('entities in the view; omit for the whole graph'),
        csvFile: z.enum(CSV_FILES).optional().describe('with format=csv: which table'),
      })
      .strict(),
    responses: {
      200: {
        [MEDIA_TYPE.json]: Dataset,
        [MEDIA_TYPE.graphml]: text,
        [MEDIA_TYPE.gexf]: text,
        [MEDIA_TYPE.csv]: text,
        [MEDIA_TYPE.csl]: CslItems,
        [MEDIA_TYPE.bibtex]: text,
        [MEDIA_TYPE.geojson]: GeoJsonExport,
      },
      ...OVER_BUDGET,
      ...ERRORS,
      /** A whole graph too large for one request: export views, or use `kinline export`. */
      413: json(ErrorBody),
    },
  }),
};
