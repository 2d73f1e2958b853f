/**
 * Writes bench/results/results.json and results.md, and the same table into README.md between
 * `<!-- bench:start -->` and `<!-- bench:end -->` (nothing else in the README is touched; the file
 * is re-read right before writing, since others edit it).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

/** One line of the table: a figure, its value, the target (if any) and whether it is met. */
export interface Row {
  figure: string;
  value: string;
  target?: string;
  met?: boolean;
}

export interface Header {
  date: string;
  machine: Record<string, unknown>;
  loadAverage: { before: number; after: number; max: number };
  minutes: number;
  notes: string[];
}

const cell = (text: string) => text.replaceAll('|', '\\|');

export function markdown(header: Header, rows: Row[]): string {
  const m = header.machine;
  return [
    `Measured ${header.date.slice(0, 16).replace('T', ' ')} UTC in ${header.minutes.toFixed(1)} min on ${m.nproc} × ${m.cpuModel}, ${m.memoryGiB} GiB RAM, Node ${m.node}, Neo4j ${m.neo4j}; ` +
      `1-minute load average ${header.loadAverage.before} before, ${header.loadAverage.after} after, ${header.loadAverage.max} at most (the machine is shared: other engineers' tests run on it).`,
    '',
    '| figure | value | target | met? |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${cell(r.figure)} | ${cell(r.value)} | ${cell(r.target ?? '')} | ${r.met === undefined ? '' : r.met ? 'yes' : '**no**'} |`,
    ),
    '',
    ...header.notes.map((n) => `- ${n}`),
  ].join('\n');
}

export function writeReport(results: unknown, header: Header, rows: Row[], options: { readme: boolean }): void {
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/results.json', `${JSON.stringify({ ...header, table: rows, results }, null, 2)}\n`);
  const table = markdown(header, rows);
  writeFileSync('bench/results/results.md', `# Kinline benchmark results\n\n${table}\n`);
  if (!options.readme) return;
  const readme = readFileSync('README.md', 'utf8');
  const start = readme.indexOf('<!-- bench:start -->');
  const end = readme.indexOf('<!-- bench:end -->');
  if (start < 0 || end < start) {
    console.warn('README.md has no bench markers; the table is only in bench/results/results.md');
    return;
  }
  writeFileSync('README.md', `${readme.slice(0, start)}<!-- bench:start -->\n${table}\n${readme.slice(end)}`);
}
