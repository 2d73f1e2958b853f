import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { read } from '../graph/db/driver.js';
import { parseFile } from '../graph/import/formats.js';
import { Mapping } from '../graph/import/mapping.js';
import { importParsed } from '../graph/import/run.js';
import { freshGraph } from './support/graph.js';

/**
 * graph/import/README.md is enough to write a CSV mapping (issue 13): every key of the schema is
 * documented there, and the mapping below was written from that section alone, for a RUVTE file
 * no test mapping of this suite was copied from.
 */
const README = readFileSync('graph/import/README.md', 'utf8');
const CSV_SECTION = README.slice(README.indexOf('## CSV with a mapping'), README.indexOf('### The RUVTE register'));
const DATA = '../shared/data/ruvte/victimas-accionar-represivo-ilegal-sin-denuncia-formal.csv';

/** Every object key anywhere in a zod schema (objects, optional, default, arrays, records, unions). */
function keysOf(schema: z.ZodType, into = new Set<string>()): Set<string> {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const nested = (value: unknown) => keysOf(value as z.ZodType, into);
  if (def.type === 'object') {
    for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) {
      into.add(key);
      nested(value);
    }
  } else if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') nested(def.innerType);
  else if (def.type === 'array') nested(def.element);
  else if (def.type === 'record') nested(def.valueType);
  else if (def.type === 'union') for (const option of def.options as z.ZodType[]) nested(option);
  else if (def.type === 'tuple') for (const item of def.items as z.ZodType[]) nested(item);
  return into;
}

it('documents every key of a CSV mapping, each with an example', () => {
  const keys = [...keysOf(Mapping)];
  expect(keys.length).toBeGreaterThan(40);
  // A key is documented by a table row that starts with it and ends with a non-empty example.
  const rows = CSV_SECTION.split('\n').filter((line) => /^\| `/.test(line));
  const documented = new Set(rows.flatMap((row) => [...row.split(' | ')[0]!.matchAll(/`(\w+)`/g)].map((m) => m[1]!)));
  expect(keys.filter((key) => !documented.has(key))).toEqual([]);
  for (const row of rows) expect(row.split(' | ').at(-1)!.replace(/\|$/, '').trim(), row).not.toBe('');
});

it("the README's example mapping is a valid mapping", () => {
  const example = /```json\n([\s\S]*?)\n```/.exec(CSV_SECTION)![1]!;
  expect(Mapping.safeParse(JSON.parse(example)).error).toBeUndefined();
});

/** Written from graph/import/README.md, "CSV with a mapping", alone. */
const FROM_THE_DOCS = {
  kinlineMapping: 1,
  description: 'RUVTE 2019: presumed disappearances without a formal complaint',
  encoding: 'latin1',
  ignore: [
    'anio_denuncia',
    'edad_al_momento_del_hecho',
    'embarazo',
    'fotografia',
    'provincia_nacimiento_indec_id',
    'pais_nacimiento_indec_id',
  ],
  dates: {
    ruvte: {
      // Lower-case month names: the rules read "ABR/1977" all the same.
      months: { ene: 1, feb: 2, mar: 3, abr: 4, may: 5, jun: 6, jul: 7, ago: 8, sep: 9, oct: 10, nov: 11, dic: 12 },
      rules: [
        { match: '^(\\d{1,2})/(\\d{1,2})/(\\d{4})$', edtf: '{3}-{2|pad2}-{1|pad2}' },
        { match: '^(\\d{1,2})-(\\d{1,2})/(\\d{1,2})/(\\d{4})$', edtf: '{4}-{3|pad2}-{1|pad2}/{4}-{3|pad2}-{2|pad2}' },
        { match: '^(\\w+)/(\\d{4})$', edtf: '{2}-{1|month}' },
        { match: '^(?:año|princ|med|fines)/(\\d{4})$', edtf: '{1}' },
        { match: '^años/(\\d{2})(\\d{2})-(\\d{2})$', edtf: '{1}{2}/{1}{3}' },
      ],
    },
  },
  values: {
    num: { column: 'id_unico_ruvte', pattern: '^ID (\\d+)$', template: '$1', required: true },
    surname: { column: 'apellido_paterno_nombres', pattern: '^(.+?)\\s{2,}(.+)$', template: '$1' },
    given: { column: 'apellido_paterno_nombres', pattern: '^(.+?)\\s{2,}(.+)$', template: '$2' },
    maternal: { column: 'apellido_materno', empty: ['sin datos', '---'] },
    married: { column: 'apellido_casada', empty: ['sin datos', '---'] },
    name: { template: '{given?} {surname?} {maternal?}' },
    document: { column: 'documentos', empty: ['sin datos', 'dato resguardado'] },
    born: { column: 'anio_nacimiento', pattern: '^\\d{4}$' },
    province: { column: 'provincia_nacimiento', empty: ['sin datos'] },
    country: { column: 'pais_nacimiento', empty: ['sin datos'] },
    nationality: { column: 'nacionalidad', empty: ['sin datos'] },
    kind: {
      column: 'tipificacion_ruvte',
      map: [
        ['DESAPARICION', 'disappearance'],
        ['.', 'detention'],
      ],
    },
    taken: { column: 'fecha_lugar_detencion_secuestro', empty: ['---', 'sin datos fecha   sin datos lugar'] },
    takenOn: {
      column: 'fecha_lugar_detencion_secuestro',
      pattern: '^(.*?)\\s{3,}(.*)$',
      template: '$1',
      empty: ['sin datos fecha', '---'],
      date: 'ruvte',
    },
    takenAt: {
      column: 'fecha_lugar_detencion_secuestro',
      pattern: '^(.*?)\\s{3,}(.*)$',
      template: '$2',
      empty: ['sin datos lugar'],
      replace: [['\\s{2,}', ', ']],
    },
    killed: { column: 'fecha_lugar_asesinato_o_hallazgo_de_restos', empty: ['---'] },
  },
  constants: [
    {
      type: 'Source',
      id: 'ruvte-2019',
      kind: 'dataset',
      names: [{ value: 'RUVTE 2019', kind: 'primary' }],
      date: '2019',
    },
  ],
  claim: {
    source: 'ruvte-2019',
    locator: '{file}, line {line} ({id_unico_ruvte})',
    excerpt: '{rowText}',
    confidence: 'probable',
    note: 'fuente original: {fuente_original}',
  },
  entities: [
    {
      type: 'Person',
      id: 'docs-{num}',
      names: [
        { value: '{name}', kind: 'primary', lang: 'es' },
        { value: '{apellido_paterno_nombres}', kind: 'alias', split: '\\s{2,}' },
        { value: '{given} {married}', kind: 'married' },
      ],
      fields: {
        birthDate: '{born?}',
        citizenships: ['{nationality}'],
        identityNumbers: { template: '{document}', type: 'list', split: ';' },
        description: '{tipificacion_ruvte}',
      },
    },
    {
      type: 'Place',
      id: 'docs-place-{takenAt|slug}',
      names: [{ value: '{takenAt}', kind: 'primary' }],
      fields: { kind: 'city', country: 'ARGENTINA' },
    },
    {
      type: 'Event',
      id: 'docs-{num}-taken',
      when: '{taken}',
      names: [{ value: 'Secuestro, {id_unico_ruvte}', kind: 'primary', lang: 'es' }],
      fields: { kind: '{kind}', date: '{takenOn?}', description: 'fecha según el registro: {takenOn|asWritten}' },
    },
  ],
  relationships: [
    {
      type: 'PARTICIPATED_IN',
      id: 'docs-{num}--in--taken',
      when: '{taken}',
      from: 'docs-{num}',
      to: 'docs-{num}-taken',
      role: 'subject',
    },
    {
      type: 'OCCURRED_AT',
      id: 'docs-{num}-taken--at',
      when: '{taken}',
      from: 'docs-{num}-taken',
      to: 'docs-place-{takenAt|slug}',
    },
  ],
};

beforeAll(freshGraph);

it('imports a RUVTE file with a mapping written from the docs alone', async () => {
  const mapping = join(mkdtempSync(join(tmpdir(), 'kinline-docs-')), 'no-complaint.mapping.json');
  writeFileSync(mapping, JSON.stringify(FROM_THE_DOCS));
  const parsed = await parseFile(DATA, { mapping });
  expect(parsed.problems).toEqual([]);
  const report = await importParsed([parsed]);
  expect(report.problems).toEqual([]);
  expect(report.summary.Person?.created).toBe(784);
  // ID 103, ABRERA  LORENZO MIGUEL: "sin datos fecha   sin datos lugar", so no event.
  const abrera = await read(
    'MATCH (p:Person {id: "docs-103"}) OPTIONAL MATCH (p)-[:PARTICIPATED_IN]->(e) RETURN p.name AS name, e',
  );
  expect(abrera.records[0]?.toObject()).toEqual({ name: 'LORENZO MIGUEL ABRERA', e: null });
  const dated = await read(
    `MATCH (p:Person)-[:PARTICIPATED_IN]->(e:Event)-[:OCCURRED_AT]->(pl:Place)
     WHERE e.date IS NOT NULL RETURN e.kind AS kind, e.description AS written, e.date AS date LIMIT 1`,
  );
  expect(dated.records[0]?.get('kind')).toBe('disappearance');
  expect(dated.records[0]?.get('written')).toMatch(/^fecha según el registro: \S+/);
}, 120_000);
