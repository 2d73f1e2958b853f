import { entityTypesOf } from '../store/check.js';
import { loadDataset } from '../store/load.js';
import { type CheckedDataset, validateDataset, ValidationError, type Problem } from '../store/validate.js';
import { compareWithGraph, type ImportSummary } from './diff.js';
import { applyAdditions, combine, type Combined } from './merge.js';
import { loweringProblem, type ProtectionChange, protectionChanges } from './protection.js';
import type { ParsedFile } from './types.js';

export interface ImportOptions {
  dryRun?: boolean;
  /** `single` (default): the whole run in one transaction. `batched`: resumable batches. */
  transaction?: 'single' | 'batched';
  onProgress?: (phase: 'write', done: number, total: number) => void;
  /**
   * Let the import lower a stored person's protection (an admin's `--allow-unprotect`). Without
   * it, such an import is rejected before anything is written (graph/import/README.md).
   */
  allowUnprotect?: boolean;
}

export interface ImportReport {
  files: { file: string; format: string; records: number }[];
  problems: Problem[];
  warnings: Problem[];
  summary: ImportSummary;
  written: boolean;
  records: number;
  seconds: number;
  /** The validated, combined dataset, when nothing was rejected (for the offline import). */
  dataset?: CheckedDataset;
  /** Stored people whose protection this import changes (raised, or lowered when allowed): to audit. */
  protectionChanges: ProtectionChange[];
}

/** Adds the file, line and column of the record a validator problem is about. */
function locate(problem: Problem, combined: Combined): Problem {
  const m = /^((?:entities|relationships)\[\d+\])(?:\.(\w+))?/.exec(problem.path);
  const position = m ? combined.positions.get(m[1]!) : undefined;
  if (!position) return problem;
  const field = m![2] ? position.fields?.[m![2]] : undefined;
  if (position.where)
    return {
      ...problem,
      file: position.file,
      path: `${position.where}${field?.name ? `.properties.${field.name}` : m![2] ? `.${m![2]}` : ''}`,
      line: undefined,
      column: undefined,
    };
  return {
    ...problem,
    file: position.file,
    line: field?.line ?? position.line,
    column: field?.column ?? position.column,
    message: field?.name ? `${problem.message} (column "${field.name}")` : problem.message,
  };
}

function typeOfPath(path: string, combined: Combined): string | undefined {
  const m = /^(entities|relationships)\[(\d+)\]/.exec(path);
  if (!m) return undefined;
  const record =
    m[1] === 'entities' ? combined.dataset.entities[Number(m[2])] : combined.dataset.relationships[Number(m[2])];
  return record?.type;
}

function rejectedSummary(problems: Problem[], parsedTypes: Map<Problem, string>): ImportSummary {
  const summary: ImportSummary = {};
  const seen = new Set<string>();
  for (const problem of problems) {
    const type = parsedTypes.get(problem) ?? 'record';
    const key = `${type}:${problem.record ?? `${problem.file}:${problem.line}`}`;
    if (seen.has(key)) continue;
    seen.add(key);
    summary[type] ??= { created: 0, updated: 0, unchanged: 0, rejected: 0 };
    summary[type].rejected++;
  }
  return summary;
}

/**
 * Validates every file of a run together and, unless it is a dry run or anything was rejected,
 * writes them in one transaction (all or nothing). Loading the same files twice changes nothing.
 */
export async function importParsed(files: ParsedFile[], options: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const combined = combine(files);
  await applyAdditions(
    combined,
    files.flatMap((f) => f.additions),
    true,
  );
  const types = new Map<Problem, string>();
  const problems: Problem[] = [...combined.problems];
  let data: CheckedDataset | undefined;
  try {
    data = await validateDataset(combined.dataset, files.length === 1 ? files[0]!.file : '<import>', entityTypesOf);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const p of error.problems) {
      const located = locate(p, combined);
      types.set(located, typeOfPath(p.path, combined) ?? 'record');
      problems.push(located);
    }
  }
  const base = {
    files: files.map((f) => ({ file: f.file, format: f.format, records: f.records })),
    warnings: combined.warnings,
    records: files.reduce((n, f) => n + f.records, 0),
  };
  const changes = problems.length === 0 && data ? await protectionChanges(data) : [];
  if (!options.allowUnprotect) {
    for (const change of changes.filter((c) => c.lowered)) {
      const located = locate(
        loweringProblem(change, base.files.length === 1 ? base.files[0]!.file : '<import>'),
        combined,
      );
      types.set(located, 'Person');
      problems.push(located);
    }
  }
  if (problems.length > 0 || !data) {
    return {
      ...base,
      problems,
      summary: rejectedSummary(problems, types),
      written: false,
      seconds: (performance.now() - started) / 1000,
      protectionChanges: [],
    };
  }
  const summary = await compareWithGraph(data);
  const changed = Object.values(summary).some((s) => s.created + s.updated > 0);
  if (!options.dryRun && changed) {
    await loadDataset(data, {
      file: base.files.map((f) => f.file).join(', '),
      transaction: options.transaction,
      onProgress: (done, total) => options.onProgress?.('write', done, total),
    });
  }
  return {
    ...base,
    problems: [],
    summary,
    written: !options.dryRun && changed,
    seconds: (performance.now() - started) / 1000,
    dataset: data,
    protectionChanges: changes,
  };
}
