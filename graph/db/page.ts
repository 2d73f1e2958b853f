import neo4j, { type RecordShape } from 'neo4j-driver';
import { read } from './driver.js';

/** Every pattern answers one page at a time, so a hub or a 100,000-person graph never hangs a reader. */
export interface Paging {
  limit: number;
  offset: number;
}

export interface PatternPage<T> {
  items: T[];
  offset: number;
  limit: number;
  hasMore: boolean;
}

/** Queries fetch limit + 1 rows; the extra one only says whether there is more. */
export function toPage<T>(rows: T[], paging: Paging): PatternPage<T> {
  return {
    items: rows.slice(0, paging.limit),
    offset: paging.offset,
    limit: paging.limit,
    hasMore: rows.length > paging.limit,
  };
}

/** SKIP and LIMIT take integers; plain JS numbers travel as floats, which Neo4j refuses. */
export const cypherInt = (n: number) => neo4j.int(n);

/** The SKIP/LIMIT parameters of a page, fetching one row more than shown. */
export const pageParams = (paging: Paging) => ({
  offset: cypherInt(paging.offset),
  limit: cypherInt(paging.limit + 1),
});

/**
 * Every row of a query, read a page at a time in order of a unique, indexed string `key` (keyset
 * paging: each page starts where the last one ended, through the index, so a 100,000-person
 * export never holds one huge result, nor re-reads what it skipped). The query filters on
 * `key > $after`, orders by the key, ends with `LIMIT $limit` and returns the key as `key`.
 */
export async function* keyedPages<T extends RecordShape>(
  cypher: string,
  params: Record<string, unknown> = {},
  pageSize = 5_000,
): AsyncGenerator<T[]> {
  let after = '';
  for (;;) {
    const { records } = await read<T & { key: string }>(cypher, { ...params, after, limit: cypherInt(pageSize) });
    if (records.length === 0) return;
    yield records.map((record) => record.toObject() as T);
    if (records.length < pageSize) return;
    after = String(records[records.length - 1]!.get('key'));
  }
}
