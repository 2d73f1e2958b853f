import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { read } from '../graph/db/driver.js';
import { counts } from '../graph/store/admin.js';
import { parseFile } from '../graph/import/formats.js';
import { importParsed } from '../graph/import/run.js';
import { freshGraph } from './support/graph.js';

const DATA = '../shared/data/ruvte';
const MAPPINGS = 'graph/import/mappings';
const tmp = mkdtempSync(join(tmpdir(), 'kinline-ruvte-'));
const FILES: [string, string][] = [
  [`${DATA}/victimas-accionar-represivo-ilegal.csv`, `${MAPPINGS}/ruvte-victims.json`],
  [`${DATA}/victimas-accionar-represivo-ilegal-sin-denuncia-formal.csv`, `${MAPPINGS}/ruvte-victims-no-complaint.json`],
  [`${DATA}/centros_clandestinos_detencion.csv`, `${MAPPINGS}/ruvte-centres.json`],
  [`${DATA}/apodos.csv`, `${MAPPINGS}/ruvte-aliases.json`],
];

const importAll = async (files = FILES, dryRun = false) =>
  importParsed(await Promise.all(files.map(([file, mapping]) => parseFile(file, { mapping }))), { dryRun });

beforeAll(freshGraph);

it('imports the whole register with the shipped mappings', async () => {
  const started = performance.now();
  const report = await importAll();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `RUVTE: ${report.records} rows in ${seconds.toFixed(1)} s (${Math.round(report.records / seconds)} rows/s)`,
    JSON.stringify(report.summary),
  );
  expect(report.problems).toEqual([]);
  // Three alias rows name victims that are in neither victims file.
  expect(report.warnings).toHaveLength(3);
  expect(report.warnings[0]).toMatchObject({
    file: `${DATA}/apodos.csv`,
    message: expect.stringMatching(/no person "ruvte-\d+"/),
  });
  const c = await counts();
  expect(c.Person).toBe(8753 + 784);
  expect(c.Facility).toBe(762);
  expect(report.summary.Person?.created).toBe(8753 + 784);
  const esma = await read('MATCH (f:Facility {id: "ruvte-ccd-3"}) RETURN f.name AS name, f.latitude AS lat');
  expect(esma.records[0]?.toObject()).toEqual({ name: 'ESCUELA DE MECÁNICA DE LA ARMADA (ESMA)', lat: -34.5399874 });
  const first = await read(`MATCH (p:Person {id: "ruvte-5389"})-[:PARTICIPATED_IN]->(e:Event)-[:OCCURRED_AT]->(pl:Place)
                            MATCH (c:Claim {about: e.id}) RETURN p.name AS name, e.kind AS kind, e.date AS date, pl.name AS place, c.excerpt AS excerpt`);
  expect(first.records[0]?.toObject()).toMatchObject({
    name: 'JUAN CARLOS ABACHIAN BEDROSSIAN',
    kind: 'disappearance',
    date: '1976-12-26',
    place: 'LA PLATA, BUENOS AIRES',
  });
  expect(first.records[0]?.get('excerpt')).toContain('26/12/1976   LA PLATA  BUENOS AIRES');
  // The register's number is the victim's identifier, and her birth year cites the register's row.
  const stated =
    await read(`MATCH (p:Person {id: "ruvte-5389"}) MATCH (c:AttributeClaim {entity: p.id, field: 'birthDate'})
                             RETURN p.identifiersJson AS ids, p.birthDate AS born, c.valueJson AS value, c.locator AS locator`);
  expect(JSON.parse(stated.records[0]?.get('ids'))).toEqual([{ scheme: 'ruvte', value: 'ID 5389' }]);
  expect(JSON.parse(stated.records[0]?.get('value'))).toBe(stated.records[0]?.get('born'));
  expect(stated.records[0]?.get('locator')).toMatch(/line \d+ \(ID 5389\)/);
  const ranged = await read('MATCH (e:Event {id: "ruvte-11788-detention"}) RETURN e.date AS date');
  expect(ranged.records[0]?.get('date')).toBe('1976-11');
}, 240_000);

it('makes aliases searchable on the victim they belong to', async () => {
  // apodos.csv: 7420,SOBKO PEDRO MIGUEL,KOLENKO,ADOLFO SCHMIDT
  const rows = await read(
    "MATCH (p:Person) WHERE p.searchText CONTAINS 'ADOLFO SCHMIDT' RETURN p.id AS id, p.name AS name",
  );
  expect(rows.records.map((r) => r.get('id'))).toEqual(['ruvte-7420']);
  const hits = await read(
    "CALL db.index.fulltext.queryNodes('entity_names_by_clearance', 'adolfo AND schmidt') YIELD node RETURN node.id AS id",
  );
  expect(hits.records.map((r) => r.get('id'))).toContain('ruvte-7420');
});

it('importing the register twice changes nothing', async () => {
  const before = await counts();
  const report = await importAll(FILES.slice(2));
  expect(report.written).toBe(false);
  for (const s of Object.values(report.summary)) expect(s.created + s.updated).toBe(0);
  expect(await counts()).toEqual(before);
}, 120_000);

it('rejects a mapping that names a column the file lacks, and a file column the mapping ignores', async () => {
  const before = await counts();
  const mapping = join(tmp, 'bad-mapping.json');
  writeFileSync(
    mapping,
    JSON.stringify({
      kinlineMapping: 1,
      encoding: 'utf-8',
      ignore: ['lugar_emplazamiento_propiedad', 'espacio_de_memoria', 'ubicacion', 'lon'],
      entities: [
        {
          type: 'Facility',
          id: 'x-{ID}',
          names: [{ value: '{denominacion}' }],
          fields: { kind: 'camp', latitude: { template: '{latitude}', type: 'number' } },
        },
      ],
    }),
  );
  const parsed = await parseFile(`${DATA}/centros_clandestinos_detencion.csv`, { mapping });
  expect(parsed.problems).toEqual([
    expect.objectContaining({
      file: mapping,
      path: 'entities[0].fields.latitude.template',
      message: expect.stringMatching(/unknown column or value "latitude"/),
    }),
    expect.objectContaining({
      file: `${DATA}/centros_clandestinos_detencion.csv`,
      line: 1,
      column: 7,
      message: expect.stringMatching(/unknown column "lat"/),
    }),
  ]);
  const report = await importParsed([parsed]);
  expect(report.written).toBe(false);
  expect(await counts()).toEqual(before);
});

it('rejects a Latin-1 file read as UTF-8 with the line and column of the first bad byte', async () => {
  const mapping = join(tmp, 'utf8-victims.json');
  const { readFileSync } = await import('node:fs');
  writeFileSync(
    mapping,
    JSON.stringify({ ...JSON.parse(readFileSync(`${MAPPINGS}/ruvte-victims.json`, 'utf8')), encoding: 'utf-8' }),
  );
  const parsed = await parseFile(`${DATA}/victimas-accionar-represivo-ilegal.csv`, { mapping });
  expect(parsed.problems).toEqual([
    expect.objectContaining({ line: 2, column: 73, message: expect.stringMatching(/not valid UTF-8/) }),
  ]);
});

it('rejects unreadable dates and bad ids with file, line and column, and writes nothing', async () => {
  const before = await counts();
  const csv = join(tmp, 'victims.csv');
  const header =
    'anio_denuncia,tipificacion_ruvte,id_unico_ruvte,apellido_paterno_nombres,apellido_materno,apellido_casada,edad_al_momento_del_hecho,documentos,anio_nacimiento,provincia_nacimiento,pais_nacimiento,nacionalidad,embarazo,fecha_lugar_detencion_secuestro,fecha_lugar_asesinato_o_hallazgo_de_restos,fotografia,provincia_nacimiento_indec_id,pais_nacimiento_indec_id';
  writeFileSync(
    csv,
    Buffer.from(
      [
        header,
        '1984,ASESINATO,ID 900001,"PEREZ  JUAN",,,30 años,sin datos,1946,sin datos,sin datos,ARGENTINA,,31/02/1976   LA PLATA  BUENOS AIRES,---,No,,',
        '1984,ASESINATO,ID 900002,"GOMEZ  ANA\nMARIA",,,30 años,sin datos,1946,sin datos,sin datos,ARGENTINA,,hace tres años   LA PLATA  BUENOS AIRES,---,No,,',
        '1984,ASESINATO,9XX,"RUIZ  EVA",,,30 años,sin datos,1946,sin datos,sin datos,ARGENTINA,,---,---,No,,',
        '',
      ].join('\n'),
      'latin1',
    ),
  );
  const parsed = await parseFile(csv, { mapping: `${MAPPINGS}/ruvte-victims.json` });
  expect(parsed.problems).toEqual([
    expect.objectContaining({
      file: csv,
      line: 2,
      column: 14,
      message: expect.stringMatching(/31\/02\/1976.*fecha_lugar_detencion_secuestro/),
    }),
    expect.objectContaining({
      file: csv,
      line: 3,
      column: 14,
      message: expect.stringMatching(/unreadable date "hace tres años"/),
    }),
    expect.objectContaining({ file: csv, line: 5, column: 3, message: expect.stringMatching(/"num" is required/) }),
  ]);
  const report = await importParsed([parsed]);
  expect(report.written).toBe(false);
  expect(await counts()).toEqual(before);
});
