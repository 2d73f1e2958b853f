/**
 * `kinline export`: the whole graph as the reader `--as` names may see it (the anonymous viewer
 * without it), or with every protected person by name for an admin's `--include-protected`.
 * Every export is audited before it is written.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendAudit } from '../graph/audit/log.js';
import { EXPORT_FORMATS, exportScope, renderExport, type ExportFormat } from '../graph/export/index.js';
import { exportGraph } from '../graph/store/export.js';
import { attribution, requireAdmin, UsageError } from './attribution.js';
import { openGraph } from './connection.js';

const log = (line: string) => process.stderr.write(`[kinline] ${line}\n`);

export interface ExportFlags {
  format?: string;
  out?: string;
  'include-protected'?: boolean;
  as?: string;
}

export async function exportCommand(values: ExportFlags): Promise<number> {
  const format = (values.format ?? 'json') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`unknown --format ${values.format}`);
  if (format === 'csv' && !values.out)
    throw new UsageError('export --format csv writes one file per type: give --out DIR');
  const includeProtected = values['include-protected'] === true;
  if (includeProtected && values.as === undefined) requireAdmin(undefined, '--include-protected');
  const graph = await openGraph(log);
  try {
    const who = await attribution(values.as);
    if (includeProtected) {
      requireAdmin(who, '--include-protected');
      log(
        'WARNING: --include-protected: this export names protected people (minors, confidential witnesses); keep it under clearance',
      );
    }
    const data = await exportGraph();
    const options = { reader: who.reader, includeProtected };
    const files = renderExport(format, data, options);
    await appendAudit({
      actor: who.actor,
      action: 'export',
      details: {
        via: 'cli',
        osUser: who.osUser,
        format,
        scope: 'whole graph',
        out: values.out ?? 'stdout',
        clearance: who.reader.clearance,
        includeProtected,
        ...exportScope(data.dataset, options),
      },
    });
    if (!values.out) {
      for (const text of files.values()) process.stdout.write(text);
      return 0;
    }
    if (format === 'csv') {
      mkdirSync(values.out, { recursive: true });
      for (const [name, text] of files) writeFileSync(join(values.out, name), text);
    } else writeFileSync(values.out, [...files.values()][0]!);
    log(`wrote ${format} to ${values.out}`);
    return 0;
  } finally {
    await graph.close();
  }
}
