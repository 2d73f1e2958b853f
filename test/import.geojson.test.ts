import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { read } from '../graph/db/driver.js';
import { renderExport } from '../graph/export/index.js';
import { parseFile } from '../graph/import/formats.js';
import { importParsed } from '../graph/import/run.js';
import { counts } from '../graph/store/admin.js';
import { validateAndLoad } from '../graph/store/check.js';
import { exportGraph } from '../graph/store/export.js';
import { type Api, startApi } from './support/api.js';
import { freshGraph } from './support/graph.js';

/** GeoJSON in and out (issue 16): a round trip, a malformed file, mappings, and the RUVTE centres on the map. */

const tmp = mkdtempSync(join(tmpdir(), 'kinline-geojson-'));
const named = (value: string) => [{ value, kind: 'primary' }];
const SQUARE = [
  [87.6, 43.8],
  [87.61, 43.8],
  [87.61, 43.81],
  [87.6, 43.81],
  [87.6, 43.8],
];
const located = {
  kinline: 1,
  entities: [
    {
      type: 'Facility',
      id: 'fac-walled',
      kind: 'camp',
      names: [...named('Walled camp'), { value: 'Camp W', kind: 'alias' }],
      latitude: 43.805,
      longitude: 87.605,
      securityTier: 3,
      footprint: { type: 'Polygon', coordinates: [SQUARE] },
      identifiers: [{ scheme: 'aspi', value: 'ASPI-7' }],
    },
    {
      type: 'Facility',
      id: 'fac-city',
      kind: 'prison',
      precision: 'city',
      names: named('Prison, Kashgar'),
      latitude: 39.47,
      longitude: 75.99,
    },
    {
      type: 'Place',
      id: 'place-dostyk',
      kind: 'border-crossing',
      names: named('Dostyk'),
      country: 'KZ',
      latitude: 45.25,
      longitude: 82.48,
    },
    { type: 'Place', id: 'place-unlocated', kind: 'region', names: named('Nowhere in particular') },
    { type: 'Person', id: 'person-someone', names: named('Someone') },
  ],
  relationships: [],
};

const LOCATED_ROWS = `MATCH (n) WHERE n:Facility OR n:Place
  RETURN n.id AS id, labels(n) AS labels, n.name AS name, n.kind AS kind, n.latitude AS lat, n.longitude AS lon,
         n.precision AS precision, n.securityTier AS tier, n.footprintJson AS footprint, n.namesJson AS names,
         n.identifiersJson AS identifiers, n.location IS NOT NULL AS point
  ORDER BY id`;
const locatedRows = async () => (await read(LOCATED_ROWS)).records.map((r) => r.toObject());
const file = (name: string, value: unknown) => {
  const path = join(tmp, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
};
const importFiles = async (...files: [string, string?][]) =>
  importParsed(await Promise.all(files.map(([f, mapping]) => parseFile(f, { mapping }))));
const feature = (properties: unknown, geometry: unknown = { type: 'Point', coordinates: [80, 44] }) => ({
  type: 'Feature',
  geometry,
  properties,
});

let api: Api | undefined;
afterAll(() => api?.close());

describe('GeoJSON round trip', () => {
  beforeAll(async () => {
    await freshGraph();
    await validateAndLoad(located, { file: 'located.json' });
  });

  it('exports the located records and imports them into an empty database unchanged', async () => {
    const before = await locatedRows();
    api = await startApi();
    const http = await api.get('/api/export?format=geojson');
    expect(http.status).toBe(200);
    expect(http.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    const text = [...renderExport('geojson', await exportGraph()).values()][0]!;
    expect(JSON.parse(text)).toEqual(http.body);
    // The unlocated place and the person are not in it; the walled camp is drawn by its outline.
    const ids = http.body.features.map((f: { id: string }) => f.id);
    expect(ids.sort()).toEqual(['fac-city', 'fac-walled', 'place-dostyk']);
    expect(http.body.features.find((f: { id: string }) => f.id === 'fac-walled').geometry.type).toBe('Polygon');
    await freshGraph();
    const report = await importFiles([file('export.geojson', text)]);
    expect(report.problems).toEqual([]);
    expect(await locatedRows()).toEqual(before.filter((row) => row.id !== 'place-unlocated'));
    expect((await counts()).Person ?? 0).toBe(0);
  });
});

describe('GeoJSON import', () => {
  beforeAll(freshGraph);

  it('makes a Place of each feature without a mapping, named by its name or title', async () => {
    const report = await importFiles([
      file('sites.geo.json', {
        type: 'FeatureCollection',
        features: [
          feature({ name: 'Site A' }),
          feature({ title: 'Site B', kind: 'city' }, { type: 'Point', coordinates: [75.9, 39.4] }),
        ],
      }),
    ]);
    expect(report.problems).toEqual([]);
    const rows = (
      await read('MATCH (p:Place) RETURN p.id AS id, p.name AS name, p.kind AS kind, p.latitude AS lat ORDER BY id')
    ).records.map((r) => r.toObject());
    expect(rows).toEqual([
      { id: 'geojson-sites-1', name: 'Site A', kind: 'other', lat: 44 },
      { id: 'geojson-sites-2', name: 'Site B', kind: 'city', lat: 39.4 },
    ]);
  });

  it('rejects a malformed FeatureCollection naming the feature, and writes nothing', async () => {
    const before = await counts();
    const bad = file('bad.geojson', {
      type: 'FeatureCollection',
      features: [
        feature({ name: 'Fine' }),
        feature({ name: 'Off the globe' }, { type: 'Point', coordinates: [200, 44] }),
        feature(
          { name: 'A road' },
          {
            type: 'LineString',
            coordinates: [
              [1, 2],
              [3, 4],
            ],
          },
        ),
        feature({ colour: 'red' }),
        feature({ name: 'Bad kind', kind: 'castle' }),
      ],
    });
    const report = await importFiles([bad]);
    expect(report.problems.map((p) => p.path)).toEqual([
      'features[1].geometry.coordinates.0',
      'features[2].geometry',
      'features[3].properties.name',
      'features[4].properties.kind',
    ]);
    expect(report.written).toBe(false);
    expect(await counts()).toEqual(before);
    const notCollection = await importFiles([file('one.geojson', feature({ name: 'x' }))]);
    expect(notCollection.problems[0]?.message).toMatch(/FeatureCollection/);
  });

  it('reads types, ids, names and fields from properties through a mapping', async () => {
    const mapping = file('camps.mapping.json', {
      kinlineMapping: 1,
      entities: [
        {
          type: 'Facility',
          id: 'aspi-{facility_id}',
          names: [{ value: '{facility_name}' }, { value: '{other_names?}', kind: 'alias', split: ';' }],
          fields: { kind: 'camp', securityTier: { template: '{tier}', type: 'number' } },
        },
      ],
    });
    const camps = file('camps.geojson', {
      type: 'FeatureCollection',
      features: [
        feature(
          { facility_id: 12, facility_name: 'Dabancheng', other_names: 'DBC; Site 12', tier: '4' },
          { type: 'Polygon', coordinates: [SQUARE] },
        ),
        feature({ facility_id: 13, facility_name: 'Site 13', tier: 2 }),
      ],
    });
    const report = await importFiles([camps, mapping]);
    expect(report.problems).toEqual([]);
    const rows = (
      await read(`MATCH (f:Facility) RETURN f.id AS id, f.name AS name, f.securityTier AS tier, f.latitude AS lat,
                  f.footprintJson IS NOT NULL AS outline ORDER BY id`)
    ).records.map((r) => r.toObject());
    expect(rows).toEqual([
      { id: 'aspi-12', name: 'Dabancheng', tier: 4, lat: 43.805, outline: true },
      { id: 'aspi-13', name: 'Site 13', tier: 2, lat: 44, outline: false },
    ]);
    const broken = file('broken.geojson', {
      type: 'FeatureCollection',
      features: [feature({ facility_id: 1, facility_name: 'X', tier: 'high' })],
    });
    const refused = await importFiles([broken, mapping]);
    expect(refused.problems[0]).toMatchObject({
      path: 'features[0].properties.tier',
      message: expect.stringMatching(/not a number/),
    });
  });
});

it('imports the RUVTE detention centres and draws them on the map, clustered', { timeout: 120_000 }, async () => {
  await freshGraph();
  const report = await importFiles([
    '../shared/data/ruvte/centros_clandestinos_detencion.csv',
    'graph/import/mappings/ruvte-centres.json',
  ]);
  expect(report.problems).toEqual([]);
  api ??= await startApi();
  // 762 centres, 756 of them with coordinates in the register.
  const stored = await read('MATCH (f:Facility) WHERE f.location IS NOT NULL RETURN count(f) AS n');
  expect(stored.records[0]?.get('n')).toBe(756);
  const all = await api.get('/api/map?bbox=-180,-90,180,90&types=Facility');
  expect(all.body.features.length).toBe(756);
  const box = [-75, -56, -53, -21];
  const argentina = await api.get(`/api/map?bbox=${box}&types=Facility&zoom=4`);
  type Drawn = { geometry: { coordinates: number[] }; properties: { cluster?: boolean; count?: number } };
  expect(argentina.body.features.some((f: Drawn) => f.properties.cluster)).toBe(true);
  const inBox = all.body.features.filter(
    ({
      geometry: {
        coordinates: [lon, lat],
      },
    }: Drawn) => {
      return lon! >= box[0]! && lat! >= box[1]! && lon! <= box[2]! && lat! <= box[3]!;
    },
  );
  const drawn = argentina.body.features.reduce((n: number, f: Drawn) => n + (f.properties.count ?? 1), 0);
  expect(drawn).toBe(inBox.length);
  expect(argentina.body.features.length).toBeLessThan(200);
});
