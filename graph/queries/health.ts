import { serverVersion } from '../db/driver.js';
import { supervision } from '../neo4j/supervisor.js';
import { counts } from '../store/admin.js';
import type { Health } from '../views/system.js';

export async function health(): Promise<Health> {
  const [version, byLabel] = await Promise.all([serverVersion(), counts()]);
  const supervised = supervision();
  return {
    status: 'ok',
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
