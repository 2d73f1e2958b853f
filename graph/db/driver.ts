import neo4j, { type Driver, type QueryResult, type RecordShape } from 'neo4j-driver';

/** Raised when Neo4j cannot be reached; the API turns it into 503 with Retry-After. */
export class DatabaseUnavailableError extends Error {
  constructor(cause?: unknown) {
    super('The database is unreachable right now.', { cause });
  }
}

const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Cluster.NotALeader',
]);

export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('Neo.TransientError.General'));
}

export interface Connection {
  uri: string;
  user?: string;
  password?: string;
}

let current: { driver: Driver; connection: Connection } | null = null;
let exact: Driver | null = null;

const authOf = (connection: Connection) =>
  connection.user ? neo4j.auth.basic(connection.user, connection.password ?? '') : undefined;

/** One driver per process (neo4j-driver's advice); sessions are opened per query. */
export function connect(connection: Connection): Driver {
  if (current && current.connection.uri === connection.uri) return current.driver;
  void current?.driver.close();
  void exact?.close();
  exact = null;
  const driver = neo4j.driver(connection.uri, authOf(connection), {
    disableLosslessIntegers: true,
    // Fail fast when the server is gone so the API can answer 503 instead of hanging.
    connectionAcquisitionTimeout: 5_000,
    connectionTimeout: 3_000,
    maxTransactionRetryTime: 3_000,
    maxConnectionPoolSize: 64,
  });
  current = { driver, connection };
  return driver;
}

export function driver(): Driver {
  if (!current) throw new Error('graph/db: connect() was not called');
  return current.driver;
}

/**
 * A second driver on the same connection that keeps Neo4j's integers and floats apart (integers
 * as BigInt): a backup must restore `3` as an integer and `3.0` as a float, which the main
 * driver's plain numbers cannot tell apart (graph/backup).
 */
export function exactDriver(): Driver {
  if (!current) throw new Error('graph/db: connect() was not called');
  exact ??= neo4j.driver(current.connection.uri, authOf(current.connection), {
    useBigInt: true,
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 60_000,
  });
  return exact;
}

export async function disconnect(): Promise<void> {
  const closing = [current?.driver.close(), exact?.close()];
  current = null;
  exact = null;
  await Promise.all(closing);
}

function wrap(error: unknown): never {
  if (isUnavailable(error)) throw new DatabaseUnavailableError(error);
  throw error;
}

/** Runs one parameterised read query in a managed transaction. */
export async function read<T extends RecordShape = RecordShape>(
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<QueryResult<T>> {
  try {
    return await driver().executeQuery<QueryResult<T>>(cypher, params, { routing: neo4j.routing.READ });
  } catch (error) {
    return wrap(error);
  }
}

/** Runs one parameterised write query in a managed transaction. */
export async function write<T extends RecordShape = RecordShape>(
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<QueryResult<T>> {
  try {
    return await driver().executeQuery<QueryResult<T>>(cypher, params, { routing: neo4j.routing.WRITE });
  } catch (error) {
    return wrap(error);
  }
}

/**
 * Runs one statement in an auto-commit transaction: the only kind `CALL ... IN TRANSACTIONS`
 * runs in (batched wipes and backfills over the whole graph).
 */
export async function autoCommit<T extends RecordShape = RecordShape>(
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<QueryResult<T>> {
  const session = driver().session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.run<T>(cypher, params);
  } catch (error) {
    return wrap(error);
  } finally {
    await session.close();
  }
}

/** Runs several writes in ONE transaction: all land or none does. */
export async function writeTransaction<T>(
  work: (run: (cypher: string, params?: Record<string, unknown>) => Promise<QueryResult>) => Promise<T>,
): Promise<T> {
  const session = driver().session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite((tx) => work((cypher, params = {}) => tx.run(cypher, params)));
  } catch (error) {
    return wrap(error);
  } finally {
    await session.close();
  }
}

export async function serverVersion(): Promise<string> {
  const info = await driver().getServerInfo().catch(wrap);
  return info.agent?.replace(/^Neo4j\//, '') ?? 'unknown';
}
