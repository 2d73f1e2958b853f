/**
 * `kinline seed [--synthetic N]`: the seed case, or a generated dataset of N people. Like an
 * import, a seed never lowers a stored person's protection unless an admin allows it, and it is
 * audited.
 */
import { parseFile } from '../graph/import/formats.js';
import { loweringProblem, protectionChanges } from '../graph/import/protection.js';
import { importParsed } from '../graph/import/run.js';
import { checkAgainstGraph } from '../graph/store/check.js';
import { loadDataset } from '../graph/store/load.js';
import { seedCasePath } from '../seeds/index.js';
import { type Attribution, attribution, auditLoad, requireAdmin, UsageError } from './attribution.js';
import { openGraph } from './connection.js';
import { Progress } from './progress.js';
import { formatProblem, reportOutcome, summaryTotals } from './report.js';

const log = (line: string) => process.stderr.write(`[kinline] ${line}\n`);

export interface SeedFlags {
  synthetic?: string;
  as?: string;
  'allow-unprotect'?: boolean;
}

export async function seedCommand(values: SeedFlags): Promise<number> {
  const allowUnprotect = values['allow-unprotect'] === true;
  if (allowUnprotect && values.as === undefined) requireAdmin(undefined, '--allow-unprotect');
  const people = values.synthetic === undefined ? undefined : Number(values.synthetic);
  if (people !== undefined && (!Number.isSafeInteger(people) || people < 1))
    throw new UsageError('--synthetic needs a positive number of people');
  const graph = await openGraph(log);
  try {
    const who = await attribution(values.as);
    if (allowUnprotect) requireAdmin(who, '--allow-unprotect');
    return people === undefined ? await seedCase(who, allowUnprotect) : await synthetic(who, people, allowUnprotect);
  } finally {
    await graph.close();
  }
}

/** The seed case, read and written as `kinline import` reads and writes a JSON file. */
async function seedCase(who: Attribution, allowUnprotect: boolean): Promise<number> {
  const report = await importParsed([await parseFile(seedCasePath, { format: 'json' })], { allowUnprotect });
  for (const problem of report.problems) process.stderr.write(`${formatProblem(problem)}\n`);
  const outcome = reportOutcome(report);
  await auditLoad(
    who,
    { seed: 'seed case', outcome, ...summaryTotals(report), problems: report.problems.length, allowUnprotect },
    report.written ? report.protectionChanges : [],
  );
  const data = report.dataset;
  process.stdout.write(
    `seed case: ${data?.entities.length ?? 0} entities, ${data?.relationships.length ?? 0} relationships; ${outcome}\n`,
  );
  return report.problems.length > 0 ? 1 : 0;
}

async function synthetic(who: Attribution, people: number, allowUnprotect: boolean): Promise<number> {
  const { generateDataset } = await import('../seeds/generate.js');
  const file = `synthetic-${people}`;
  const data = await checkAgainstGraph(generateDataset({ people }), file);
  const changes = await protectionChanges(data);
  const lowered = changes.filter((c) => c.lowered);
  if (lowered.length > 0 && !allowUnprotect) {
    for (const change of lowered) process.stderr.write(`${formatProblem(loweringProblem(change, file))}\n`);
    await auditLoad(who, { seed: file, outcome: 'rejected: nothing was written', problems: lowered.length });
    return 1;
  }
  const started = performance.now();
  const progress = new Progress('writing', 1);
  const summary = await loadDataset(data, {
    file,
    transaction: 'batched',
    onProgress: (done, total) => {
      (progress as unknown as { total: number }).total = total;
      progress.update(done);
    },
  });
  progress.finish();
  await auditLoad(
    who,
    { seed: file, outcome: 'written', entities: summary.entities, relationships: summary.relationships },
    changes,
  );
  const seconds = (performance.now() - started) / 1000;
  const records = summary.entities + summary.relationships;
  process.stdout.write(
    `synthetic: ${summary.entities} entities, ${summary.relationships} relationships in ${seconds.toFixed(1)} s (${Math.round(records / seconds)} records/s)\n`,
  );
  return 0;
}
