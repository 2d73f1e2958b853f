import { read } from '../db/driver.js';
import type { EntityType } from '../schema/index.js';
import { FULLTEXT_INDEX } from '../schema/index.js';
import type { ReadScope } from '../read/scope.js';
import type { SearchPage } from '../views/entity.js';
import { luceneQuery } from '../search/fold.js';

/**
 * Entities whose names or aliases match `text` in any script, best first. The query reads only the
 * full-text fields of this reader's clearance (graph/schema/database.ts): a protected person's name
 * is in none of a viewer's fields, so searching it answers what a name that exists nowhere answers.
 * The query is echoed exactly as sent.
 */
export async function searchEntities(
  scope: ReadScope,
  text: string,
  options: { types?: EntityType[]; limit: number; offset: number },
): Promise<SearchPage> {
  const terms = luceneQuery(text);
  const lucene = terms && scope.searchFields.map((field) => `${field}:(${terms})`).join(' OR ');
  if (!lucene) return { query: text, items: [], offset: options.offset, limit: options.limit, hasMore: false };
  const result = await read<{ node: Record<string, unknown>; score: number }>(
    `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
     WHERE $types IS NULL OR node.type IN $types
     // A common surname matches thousands: names and ids are read only for the hits that score at
     // least as high as the last one on this page, the only ones that can be on it.
     WITH collect([node, score]) AS hits
     WITH hits, coalesce(head(COLLECT {
       UNWIND hits AS hit WITH hit[1] AS s ORDER BY s DESC SKIP toInteger($offset + $limit - 1) LIMIT 1 RETURN s
     }), -1.0) AS cutoff
     UNWIND hits AS hit WITH hit[0] AS node, hit[1] AS score WHERE score >= cutoff
     // Ties by the name a viewer sees, then the random public id: the order tells nothing of a
     // withheld record's real name or id. Few properties per hit: a fuzzy query may match thousands.
     WITH node, score ORDER BY score DESC, CASE WHEN node.protected THEN node.pseudonym ELSE node.name END, node.publicId
     SKIP toInteger($offset) LIMIT toInteger($limit)
     RETURN properties(node) AS node, score`,
    {
      index: FULLTEXT_INDEX,
      lucene,
      types: options.types?.length ? options.types : null,
      offset: options.offset,
      limit: options.limit + 1,
      ...scope.cypherParams,
    },
  );
  const items = result.records
    .slice(0, options.limit)
    .map((r) => ({ ...scope.present(r.get('node')), score: Math.round(r.get('score') * 1000) / 1000 }));
  return {
    query: text,
    items,
    offset: options.offset,
    limit: options.limit,
    hasMore: result.records.length > options.limit,
  };
}
