import { serverVersion } from '../db/driver.js';
import { supervision } from '../neo4j/supervisor.js';
import { counts } from '../store/admin.js';
import { incompleteImport } from '../store/import-run.js';
import type { Health } from '../views/system.js';

export async function health(): Promise<Health> {
  const [version, byLabel, incomplete] = await Promise.all([serverVersion(), counts(), incompleteImport()]);
  const supervised = supervision();
  return {
    status: incomplete ? 'import incomplete' : 'ok',
    ...(incomplete && {
      import: {
        startedAt: incomplete.startedAt,
        lastBatch: incomplete.lastBatch,
        rowsDone: incomplete.rowsDone,
        rows: incomplete.rows,
      },
    }),
    database: {
      reachable: true,
      version,
      ...(supervised && {
        supervision: {
          restarts: supervised.restarts,
          ...(supervised.lastCrash && { lastCrash: supervised.lastCrash }),
        },
      }),
    },
    counts: byLabel,
  };
}
