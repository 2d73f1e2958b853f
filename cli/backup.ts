/**
 * `kinline backup --out FILE` and `kinline restore FILE [--force]` (README, "Running it"): the
 * whole of Kinline's data in one checksummed file, taken while the app runs, and put back into an
 * empty database. Both are audited: a backup holds every protected person by name.
 */
import { statSync } from 'node:fs';
import { appendAudit } from '../graph/audit/log.js';
import { verifyAudit } from '../graph/audit/log.js';
import { BackupError } from '../graph/backup/format.js';
import { restoreBackup, TargetNotEmptyError } from '../graph/backup/restore.js';
import { writeBackup } from '../graph/backup/write.js';
import { attribution, UsageError } from './attribution.js';
import { openGraph } from './connection.js';

const log = (line: string) => process.stderr.write(`[kinline] ${line}\n`);

export interface BackupFlags {
  out?: string;
  documents?: string;
  force?: boolean;
  as?: string;
}

export async function backupCommand(values: BackupFlags): Promise<number> {
  if (!values.out) throw new UsageError('backup needs --out FILE');
  const graph = await openGraph(log);
  try {
    const who = await attribution(values.as);
    const summary = await writeBackup(values.out, { documentsDir: values.documents });
    // After the snapshot, so this entry is not in it: it records that the backup was taken.
    await appendAudit({
      actor: who.actor,
      action: 'backup',
      details: { via: 'cli', osUser: who.osUser, out: values.out, ...summary },
    });
    const bytes = statSync(values.out).size;
    process.stdout.write(
      `backed up ${summary.nodes} nodes, ${summary.relationships} relationships and ${summary.documents} documents to ${values.out} (${bytes} bytes, SHA-256 ${summary.sha256})\n`,
    );
    return 0;
  } finally {
    await graph.close();
  }
}

export async function restoreCommand(files: string[], values: BackupFlags): Promise<number> {
  const [file, ...more] = files;
  if (!file || more.length > 0) throw new UsageError('restore needs exactly one FILE');
  const graph = await openGraph(log);
  try {
    const restored = await restoreBackup(file, { documentsDir: values.documents, force: values.force });
    const audit = await verifyAudit();
    const who = await attribution(values.as);
    await appendAudit({
      actor: who.actor,
      action: 'restore',
      details: { via: 'cli', osUser: who.osUser, file, createdAt: restored.header.createdAt, ...restored.end },
    });
    process.stdout.write(
      `restored ${restored.end.nodes} nodes, ${restored.end.relationships} relationships and ${restored.end.documents} documents from the backup of ${restored.header.createdAt} (SHA-256 verified); audit log: ${audit.ok ? `${audit.entries} entries, chain verifies` : `BROKEN at entry ${audit.seq}: ${audit.problem}`}\n`,
    );
    return audit.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof BackupError || error instanceof TargetNotEmptyError) {
      process.stderr.write(`kinline restore: ${error.message}; nothing was written\n`);
      return 1;
    }
    throw error;
  } finally {
    await graph.close();
  }
}
