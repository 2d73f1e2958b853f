import type { ImportReport } from '../graph/import/run.js';
import type { Problem } from '../graph/import/types.js';

/** "file:line:column: reason", the form editors and CI annotate. */
export function formatProblem(problem: Problem, prefix = 'error'): string {
  const where = [problem.file, problem.line, problem.column]
    .filter((part) => part !== undefined && part !== '')
    .join(':');
  const what = problem.record ? ` [${problem.record}]` : '';
  const path = problem.path && !/^(line|row) /.test(problem.path) ? ` (${problem.path})` : '';
  return `${where}: ${prefix}: ${problem.message}${what}${path}`;
}

/** The summary table: created / updated / unchanged / rejected per type. */
export function summaryTable(report: Pick<ImportReport, 'summary'>): string {
  const rows = Object.entries(report.summary).sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0) return '(nothing to import)';
  const head = ['type', 'created', 'updated', 'unchanged', 'rejected'];
  const body = rows.map(([type, s]) => [type, s.created, s.updated, s.unchanged, s.rejected].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), ...body.map(line)].join('\n');
}

/** What came of an import, in the words its last line and the audit log use. */
export function reportOutcome(report: Pick<ImportReport, 'problems' | 'written'>, dryRun?: boolean): string {
  if (report.problems.length > 0) return 'rejected: nothing was written';
  if (dryRun) return 'dry run: nothing was written';
  return report.written ? 'written' : 'nothing changed';
}

/** The summary table's columns added up over every type. */
export function summaryTotals(
  report: Pick<ImportReport, 'summary'>,
): Record<'created' | 'updated' | 'unchanged' | 'rejected', number> {
  const totals = { created: 0, updated: 0, unchanged: 0, rejected: 0 };
  for (const s of Object.values(report.summary)) {
    totals.created += s.created;
    totals.updated += s.updated;
    totals.unchanged += s.unchanged;
    totals.rejected += s.rejected;
  }
  return totals;
}
