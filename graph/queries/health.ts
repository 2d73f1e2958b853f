import { serverVersion } from '../db/driver.js';
import { counts, type Counts } from '../store/admin.js';

export interface Health {
  status: 'ok';
  database: { reachable: true; version: string };
  counts: Counts;
}

export async function health(): Promise<Health> {
  const [version, byLabel] = await Promise.all([serverVersion(), counts()]);
  return { status: 'ok', database: { reachable: true, version }, counts: byLabel };
}
