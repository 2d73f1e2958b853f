import { serverVersion } from '../db/driver.js';
import { counts } from '../store/admin.js';
import type { Health } from '../views/system.js';

export async function health(): Promise<Health> {
  const [version, byLabel] = await Promise.all([serverVersion(), counts()]);
  return { status: 'ok', database: { reachable: true, version }, counts: byLabel };
}
