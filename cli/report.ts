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
