/**
 * The `kinline` command (issue 6): import, export, seed, serve, user, audit. See README.md, "Command line".
 * Exit codes: 0 done, 1 something was rejected or failed, 2 wrong usage.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { config } from '../graph/config.js';
import { EXPORT_FORMATS } from '../graph/export/index.js';
import { formatOf, IMPORT_FORMATS, parseFile } from '../graph/import/formats.js';
import { MappingError } from '../graph/import/mapping.js';
import { importParsed } from '../graph/import/run.js';
import type { ImportFormat, ParsedFile } from '../graph/import/types.js';
import { ValidationError } from '../graph/store/validate.js';
import { disconnect } from '../graph/db/driver.js';
import { nodeCount } from '../graph/store/admin.js';
import { GraphNotEmptyError, offlineLoad } from '../graph/store/offline-load.js';
import { defaultHome } from '../graph/neo4j/embedded.js';
import { AccountUsageError, auditCommand, userCommand } from './accounts.js';
import { backupCommand, restoreCommand } from './backup.js';
import { type Attribution, attribution, auditLoad, requireAdmin, UsageError } from './attribution.js';
import { embeddedRunning, openGraph } from './connection.js';
import { exportCommand } from './export.js';
import { Progress } from './progress.js';
import { formatProblem, reportOutcome, summaryTable, summaryTotals } from './report.js';
import { seedCommand } from './seed.js';

const USAGE = `usage:
  kinline import FILE... [--format ${IMPORT_FORMATS.join('|')}] [--mapping FILE|DIR]... [--dry-run] [--batched | --offline] [--as USER] [--allow-unprotect]
  kinline export [--format ${EXPORT_FORMATS.join('|')}] [--out FILE|DIR] [--as USER] [--include-protected]
  kinline seed [--synthetic N] [--as USER] [--allow-unprotect]
  kinline serve
  kinline backup --out FILE [--documents DIR] [--as USER]
  kinline restore FILE [--force] [--documents DIR] [--as USER]
  kinline user add NAME --role viewer|researcher|cleared|admin [--clearance none|pseudonymous|confidential] --password-stdin
  kinline user list | set-role NAME --role ROLE [--clearance C] | disable NAME
  kinline audit verify`;

const log = (line: string) => process.stderr.write(`[kinline] ${line}\n`);

/** The mapping for the i-th CSV or GeoJSON file: `--mapping` given once applies to all; a directory holds `<stem>.mapping.json`. */
function mappingFor(file: string, index: number, mappings: string[]): string | undefined {
  const mapping = mappings.length === 1 ? mappings[0] : mappings[index];
  if (!mapping) return undefined;
  if (statSync(mapping, { throwIfNoEntry: false })?.isDirectory()) {
    const stem = (file.split(/[\\/]/).pop() ?? file).replace(/(\.geo)?\.[^.]+$/i, '');
    return join(mapping, `${stem}.mapping.json`);
  }
  return mapping;
}

type ImportFlags = {
  format?: string;
  mapping?: string[];
  'dry-run'?: boolean;
  batched?: boolean;
  offline?: boolean;
  as?: string;
  'allow-unprotect'?: boolean;
};

async function importCommand(files: string[], values: ImportFlags): Promise<number> {
  if (files.length === 0) throw new UsageError('import needs at least one FILE');
  if (values.offline && (values.batched || values['dry-run']))
    throw new UsageError('--offline writes a new database in one go: it does not combine with --batched or --dry-run');
  if (values.offline && config().neo4jUri)
    throw new UsageError(
      '--offline builds the embedded database (KINLINE_NEO4J_DATA, default data/neo4j); with NEO4J_URI set, import without it',
    );
  if (values.format && !IMPORT_FORMATS.includes(values.format as ImportFormat))
    throw new UsageError(`unknown --format ${values.format}`);
  if (values['allow-unprotect'] && values.as === undefined) requireAdmin(undefined, '--allow-unprotect');
  // CSV and GeoJSON files take mappings (a GeoJSON file may go without).
  const csvFiles = files.filter((f) => ['csv', 'geojson'].includes(values.format ?? formatOf(f) ?? ''));
  const parsed: ParsedFile[] = [];
  const reading = new Progress('reading', files.length, 'files');
  try {
    for (const file of files) {
      parsed.push(
        await parseFile(file, {
          format: values.format as ImportFormat | undefined,
          mapping: mappingFor(file, csvFiles.indexOf(file), values.mapping ?? []),
        }),
      );
      reading.update(parsed.length);
    }
  } catch (error) {
    if (error instanceof MappingError) {
      for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
      return 1;
    }
    throw error;
  }
  reading.finish();
  if (values.offline) return offlineImportCommand(parsed, values.as);
  const graph = await openGraph(log);
  try {
    const who = await attribution(values.as);
    if (values['allow-unprotect']) requireAdmin(who, '--allow-unprotect');
    let writing: Progress | undefined;
    const report = await importParsed(parsed, {
      dryRun: values['dry-run'],
      allowUnprotect: values['allow-unprotect'],
      transaction: values.batched ? 'batched' : 'single',
      onProgress: (_phase, done, total) => {
        writing ??= new Progress('writing', total);
        writing.update(done);
      },
    });
    writing?.finish();
    for (const warning of report.warnings) process.stderr.write(`${formatProblem(warning, 'warning')}\n`);
    for (const problem of report.problems) process.stderr.write(`${formatProblem(problem)}\n`);
    process.stdout.write(`${summaryTable(report)}\n`);
    const outcome = reportOutcome(report, values['dry-run']);
    await auditLoad(
      who,
      {
        files: report.files,
        outcome,
        ...summaryTotals(report),
        problems: report.problems.length,
        transaction: values.batched ? 'batched' : 'single',
        allowUnprotect: values['allow-unprotect'] === true,
      },
      report.written ? report.protectionChanges : [],
    );
    process.stdout.write(
      `${report.records} input records in ${report.seconds.toFixed(1)} s (${Math.round(report.records / Math.max(report.seconds, 0.001))} records/s); ${outcome}\n`,
    );
    return report.problems.length > 0 ? 1 : 0;
  } finally {
    await graph.close();
  }
}

/**
 * `kinline import --offline`: checks the files against the (empty) embedded database exactly as
 * an import does, then stops it and builds the database with Neo4j's offline importer
 * (graph/store/offline-load.ts), about twice as fast as writing through Bolt for large files.
 */
async function offlineImportCommand(parsed: ParsedFile[], as: string | undefined): Promise<number> {
  const started = performance.now();
  const port = config().neo4jPort;
  if (await embeddedRunning(port)) {
    throw new UsageError(
      `--offline needs the embedded database stopped, and it answers on port ${port}: stop \`kinline serve\` / \`npm start\` first`,
    );
  }
  const graph = await openGraph(log);
  let report: Awaited<ReturnType<typeof importParsed>>;
  let who: Attribution;
  try {
    who = await attribution(as);
    const nodes = await nodeCount();
    if (nodes > 0) throw new GraphNotEmptyError(nodes);
    // A rejected offline import is not audited: an entry would make the database non-empty, and
    // the corrected run would be refused.
    report = await importParsed(parsed, { dryRun: true });
  } finally {
    await graph.close();
  }
  for (const warning of report.warnings) process.stderr.write(`${formatProblem(warning, 'warning')}\n`);
  for (const problem of report.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  process.stdout.write(`${summaryTable(report)}\n`);
  if (report.problems.length > 0 || !report.dataset) {
    process.stdout.write(`${report.records} input records; rejected: nothing was written\n`);
    return 1;
  }
  log("building the database with Neo4j's offline importer...");
  const { neo4j, summary } = await offlineLoad(report.dataset, {
    home: defaultHome(),
    port,
    file: parsed.map((f) => f.file).join(', '),
    checkedEmpty: true,
  });
  await auditLoad(who, { files: report.files, outcome: 'written', offline: true, ...summaryTotals(report) });
  await disconnect();
  await neo4j.stop();
  const seconds = (performance.now() - started) / 1000;
  const records = summary.entities + summary.relationships;
  process.stdout.write(
    `${records} graph records in ${seconds.toFixed(1)} s (${Math.round(records / seconds)} records/s); written\n`,
  );
  return 0;
}

async function serveCommand(): Promise<number> {
  const { startServer } = await import('../server/main.js');
  const running = await startServer();
  log(`serving on ${running.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => void running.stop().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      mapping: { type: 'string', multiple: true },
      'dry-run': { type: 'boolean' },
      batched: { type: 'boolean' },
      offline: { type: 'boolean' },
      out: { type: 'string' },
      'include-protected': { type: 'boolean' },
      as: { type: 'string' },
      'allow-unprotect': { type: 'boolean' },
      synthetic: { type: 'string' },
      role: { type: 'string' },
      clearance: { type: 'string' },
      'password-stdin': { type: 'boolean' },
      documents: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  switch (command) {
    case 'import':
      return importCommand(positionals, values);
    case 'export':
      return exportCommand(values);
    case 'seed':
      return seedCommand(values);
    case 'serve':
      return serveCommand();
    case 'backup':
      return backupCommand(values);
    case 'restore':
      return restoreCommand(positionals, values);
    case 'user':
      return userCommand(positionals, values);
    case 'audit':
      return auditCommand(positionals);
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (
      error instanceof UsageError ||
      error instanceof AccountUsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      process.stderr.write(`kinline: ${(error as Error).message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else if (error instanceof ValidationError) {
      for (const problem of error.problems) process.stderr.write(`${formatProblem(problem)}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`kinline: ${(error as Error).message}\n`);
      process.exitCode = 1;
    }
  },
);
