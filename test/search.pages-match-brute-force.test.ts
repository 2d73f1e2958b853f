import { beforeAll, describe, expect, it } from 'vitest';
import type { Reader } from '../graph/access/roles.js';
import { read } from '../graph/db/driver.js';
import { scopeFor } from '../graph/read/scope.js';
import { luceneQuery } from '../graph/search/fold.js';
import { FULLTEXT_INDEX } from '../graph/schema/index.js';
import { searchEntities } from '../graph/queries/search.js';
import { validateAndLoad } from '../graph/store/check.js';
import { freshGraph } from './support/graph.js';
import { random } from './support/random.js';

const GIVEN = ['Aigerim', 'Erlan', 'Gulnar', 'Nurlan', 'Aidana', 'Serik'];
const FAMILY = ['Nurmemet', 'Kasymova', 'Rozi', 'Nurmamat', 'Armanov'];

/**
 * 240 people from five family names (so a search for one matches dozens with equal scores), a
 * fifth of them protected at one of the two levels, some with a second alias.
 */
function namesakes() {
  const next = random(11);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const people = Array.from({ length: 240 }, (_, i) => {
    const given = pick(GIVEN);
    const family = pick(FAMILY);
    const protection = i % 10 === 3 ? { minor: true } : i % 10 === 7 ? { disclosure: 'confidential' } : {};
    return {
      type: 'Person',
      id: `ns-${(i * 97) % 240}`,
      names: [
        { value: `${given} ${family}`, kind: 'primary' },
        ...(i % 4 === 0 ? [{ value: `${pick(GIVEN)} ${pick(FAMILY)}`, kind: 'alias' }] : []),
      ],
      ...protection,
    };
  });
  return { kinline: 1, entities: people, relationships: [] };
}

const VIEWER: Reader = { userId: 'v', username: 'viewer', role: 'viewer', clearance: 'none' };
const CLEARED: Reader = { userId: 'c', username: 'cleared', role: 'cleared', clearance: 'confidential' };

/** Every hit of the reader's fields, sorted whole as the route promises: score, visible name, public id. */
async function everyHit(reader: Reader, text: string): Promise<string[]> {
  const scope = scopeFor(reader);
  const terms = luceneQuery(text)!;
  const result = await read<{ id: string }>(
    `CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node, score
     WITH node, score ORDER BY score DESC, CASE WHEN node.protected THEN node.pseudonym ELSE node.name END, node.publicId
     RETURN node.publicId AS id`,
    { index: FULLTEXT_INDEX, lucene: scope.searchFields.map((field) => `${field}:(${terms})`).join(' OR ') },
  );
  return result.records.map((r) => r.get('id'));
}

/** The route's answer, page by page, as public ids. */
async function paged(reader: Reader, text: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += limit) {
    const page = await searchEntities(scopeFor(reader), text, { limit, offset });
    // A reader sees real ids of what they may read and public ids of the rest: compare by public id.
    const visible = page.items.map((item) => item.id);
    const stored = await read<{ visible: string; id: string }>(
      'UNWIND $ids AS visible MATCH (n:Entity) WHERE n.id = visible OR n.publicId = visible RETURN visible, n.publicId AS id',
      { ids: visible },
    );
    const publicIdOf = new Map(stored.records.map((r) => [r.get('visible'), r.get('id')]));
    ids.push(...visible.map((id) => publicIdOf.get(id) ?? `unknown ${id}`));
    if (!page.hasMore) return ids;
  }
}

describe('search pages (only the hits that can reach a page are sorted by name)', () => {
  beforeAll(async () => {
    await freshGraph();
    await validateAndLoad(namesakes());
  });

  for (const reader of [VIEWER, CLEARED])
    for (const text of ['Nurmemet', 'Aigerim Kasymova', 'rozi', 'Protected person'])
      it(`${reader.username} searching "${text}": pages of 7 are the whole sorted list, cut in sevens`, async () => {
        const whole = await everyHit(reader, text);
        expect(whole.length).toBeGreaterThan(14);
        expect(await paged(reader, text, 7)).toEqual(whole);
      });

  it('a cleared reader finds the protected namesakes a viewer does not', async () => {
    expect((await everyHit(CLEARED, 'Nurmemet')).length).toBeGreaterThan((await everyHit(VIEWER, 'Nurmemet')).length);
  });
});
