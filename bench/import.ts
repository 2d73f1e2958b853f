/**
 * Import throughput (issue 6): the RUVTE register (4 CSV files with the shipped mappings) and a
 * generated dataset of N people (default 100,000), each into a fresh embedded Neo4j.
 * Writes bench/results/import.json. Run: `npx tsx bench/import.ts [--people N]`.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { connect, disconnect } from '../graph/db/driver.js';
import { parseFile } from '../graph/import/formats.js';
import { importParsed } from '../graph/import/run.js';
import { startEmbeddedNeo4j } from '../graph/neo4j/embedded.js';
import { applySchema, wipe } from '../graph/store/admin.js';
import { validateAndLoad } from '../graph/store/check.js';
import { generateDataset } from '../seeds/generate.js';

const { values } = parseArgs({ options: { people: { type: 'string' } } });
const PEOPLE = Number(values.people ?? 100_000);
const RUVTE: [string, string][] = [
  ['../shared/data/ruvte/victimas-accionar-represivo-ilegal.csv', 'graph/import/mappings/ruvte-victims.json'],
  [
    '../shared/data/ruvte/victimas-accionar-represivo-ilegal-sin-denuncia-formal.csv',
    'graph/import/mappings/ruvte-victims-no-complaint.json',
  ],
  ['../shared/data/ruvte/centros_clandestinos_detencion.csv', 'graph/import/mappings/ruvte-centres.json'],
  ['../shared/data/ruvte/apodos.csv', 'graph/import/mappings/ruvte-aliases.json'],
];
const seconds = (since: number) => (performance.now() - since) / 1000;

const home = `data/bench-import-${process.pid}`;
const neo4j = await startEmbeddedNeo4j({ home, port: 0, heapMiB: 2048, pageCacheMiB: 512 });
connect(neo4j.connection);
try {
  await wipe();
  await applySchema();
  let t = performance.now();
  const parsed = await Promise.all(RUVTE.map(([file, mapping]) => parseFile(file, { mapping })));
  const parseSeconds = seconds(t);
  t = performance.now();
  const report = await importParsed(parsed);
  const importSeconds = seconds(t);
  const ruvteRecords = parsed.reduce((n, p) => n + p.dataset.entities.length + p.dataset.relationships.length, 0);
  const ruvte = {
    rows: report.records,
    graphRecords: ruvteRecords,
    parseSeconds,
    validateAndWriteSeconds: importSeconds,
    rowsPerSecond: Math.round(report.records / (parseSeconds + importSeconds)),
    graphRecordsPerSecond: Math.round(ruvteRecords / (parseSeconds + importSeconds)),
    problems: report.problems.length,
  };
  console.log('RUVTE', ruvte);
  await wipe();
  t = performance.now();
  const data = generateDataset({ people: PEOPLE });
  const generateSeconds = seconds(t);
  t = performance.now();
  const summary = await validateAndLoad(data, { file: `synthetic-${PEOPLE}`, transaction: 'batched' });
  const loadSeconds = seconds(t);
  const records = summary.entities + summary.relationships;
  const synthetic = {
    people: PEOPLE,
    entities: summary.entities,
    relationships: summary.relationships,
    claims: summary.claims,
    generateSeconds,
    loadSeconds,
    recordsPerSecond: Math.round(records / loadSeconds),
  };
  console.log('synthetic', synthetic);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(
    'bench/results/import.json',
    `${JSON.stringify({ date: new Date().toISOString(), machine: { cpus: cpus().length, loadavg: loadavg() }, ruvte, synthetic }, null, 2)}\n`,
  );
} finally {
  await disconnect();
  await neo4j.stop();
  rmSync(home, { recursive: true, force: true });
}
