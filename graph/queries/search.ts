import { read } from '../db/driver.js';
import type { EntityType } from '../schema/index.js';
import { FULLTEXT_INDEX } from '../schema/index.js';
import { presentEntity } from '../safety/present.js';
import type { SearchPage } from '../views/entity.js';
import { luceneQuery } from '../search/fold.js';

/**
 * Entities whose names or aliases match `text` in any script, best first. Protected people are
 * indexed under their pseudonym only (graph/store/mapping.ts), so a real name never finds them.
 */
export async function searchEntities(
  text: string,
  options: { types?: EntityType[]; limit: number; offset: number },
): Promise<SearchPage> {
  const lucene = luceneQuery(text);
  if (!lucene) return { query: text, items: [], offset: options.offset, limit: options.limit, hasMore: false };
  const result = await read<{ node: Record<string, unknown>; score: number }>(
    `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
     WHERE $types IS NULL OR node.type IN $types
     WITH node, score ORDER BY score DESC, node.name, node.id SKIP toInteger($offset) LIMIT toInteger($limit)
     RETURN properties(node) AS node, score`,
    {
      index: FULLTEXT_INDEX,
      lucene,
      types: options.types?.length ? options.types : null,
      offset: options.offset,
      limit: options.limit + 1,
    },
  );
  const items = result.records
    .slice(0, options.limit)
    .map((r) => ({ ...presentEntity(r.get('node')), score: Math.round(r.get('score') * 1000) / 1000 }));
  return {
    query: text,
    items,
    offset: options.offset,
    limit: options.limit,
    hasMore: result.records.length > options.limit,
  };
}
