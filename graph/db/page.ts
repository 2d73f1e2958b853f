import neo4j from 'neo4j-driver';

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
