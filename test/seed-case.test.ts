import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { read } from '../graph/db/driver.js';
import { Dataset, ENTITY_TYPES, RELATIONSHIP_TYPES } from '../graph/schema/index.js';
import { applySchema, counts, wipe, type Counts } from '../graph/store/admin.js';
import { exportDataset } from '../graph/store/export.js';
import { validateAndLoad } from '../graph/store/check.js';
import { ValidationError } from '../graph/store/validate.js';
import { isEmpty, loadSeedCase, seedCaseFile, seedCasePath } from '../seeds/index.js';
import { freshGraph } from './support/graph.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const articlePath = path.resolve(projectRoot, '..', 'shared', 'seeds', 'bitter-winter-ccp-orphans-2019.txt');
const ARTICLE = 'src-bitter-winter-2019-orphans';

const article = readFileSync(articlePath, 'utf8');
/** Paragraphs as the seed's locators count them: the non-empty lines of the stored text. */
const paragraphs = article
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line.length > 0);

interface RawClaim {
  source: string;
  locator: string;
  excerpt: string;
  confidence?: string;
}
interface RawEntity {
  type: string;
  id: string;
  claims?: RawClaim[];
  [key: string]: unknown;
}
interface RawRelationship {
  id: string;
  type: string;
  from: string;
  to: string;
  claims: RawClaim[];
  [key: string]: unknown;
}
interface RawDataset {
  kinline: number;
  entities: RawEntity[];
  relationships: RawRelationship[];
  [key: string]: unknown;
}

const readSeed = (): RawDataset => JSON.parse(readFileSync(seedCasePath, 'utf8')) as RawDataset;
const seed = readSeed();
const clone = (): RawDataset => structuredClone(seed);
const indexOf = (data: RawDataset, id: string) => {
  const i = data.entities.findIndex((e) => e.id === id);
  if (i < 0) throw new Error(`no entity ${id} in the seed`);
  return i;
};

/** Counts per label and relationship type, computed from the file alone. */
function expectedCounts(data: RawDataset): Counts {
  const out: Counts = {};
  for (const label of ENTITY_TYPES) out[label] = data.entities.filter((e) => e.type === label).length;
  for (const type of RELATIONSHIP_TYPES) {
    const n = data.relationships.filter((r) => r.type === type).length;
    if (n > 0) out[type] = n;
  }
  const claims =
    data.entities.reduce((n, e) => n + (e.claims?.length ?? 0), 0) +
    data.relationships.reduce((n, r) => n + r.claims.length, 0);
  out.Claim = claims;
  out.CITES = claims;
  return out;
}

async function clearGraph(): Promise<void> {
  await wipe();
  await applySchema();
}

beforeAll(freshGraph);

describe('the seed file', () => {
  it('is a valid Dataset with lowercase slug ids and the expected id prefixes', () => {
    const parsed = Dataset.safeParse(seed);
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    const prefix: Record<string, string> = {
      Person: 'person-',
      Family: 'family-',
      Organisation: 'org-',
      Place: 'place-',
      Facility: 'facility-',
      Event: 'event-',
      Source: 'src-',
    };
    for (const e of seed.entities) expect(e.id.startsWith(prefix[e.type]!), e.id).toBe(true);
    for (const r of seed.relationships) expect(r.id.startsWith('rel-'), r.id).toBe(true);
  });

  it('quotes the article verbatim, at the paragraph its locator names', () => {
    const claims = [...seed.entities.flatMap((e) => e.claims ?? []), ...seed.relationships.flatMap((r) => r.claims)];
    expect(claims.length).toBeGreaterThan(100);
    for (const claim of claims) {
      expect(claim.source).toBe(ARTICLE);
      expect(article.includes(claim.excerpt), claim.excerpt).toBe(true);
      const match = /^para\. (\d+)$/.exec(claim.locator);
      expect(match, claim.locator).not.toBeNull();
      expect(paragraphs[Number(match![1]) - 1]?.includes(claim.excerpt), `${claim.locator}: ${claim.excerpt}`).toBe(
        true,
      );
      expect(['confirmed', 'probable', 'possible', 'doubtful']).toContain(claim.confidence);
    }
  });
});

describe('loading the seed case into Neo4j', () => {
  let loaded: Counts;

  beforeAll(async () => {
    await clearGraph();
    expect(await isEmpty()).toBe(true);
    const summary = await loadSeedCase();
    expect(summary.file).toBe(seedCaseFile);
    expect(summary.entities).toBe(seed.entities.length);
    expect(summary.relationships).toBe(seed.relationships.length);
    expect(await isEmpty()).toBe(false);
    loaded = await counts();
  });

  it('has the counts per label and type that the file has', () => {
    expect(loaded).toEqual(expectedCounts(seed));
  });

  it('has the known size of the case', () => {
    expect(loaded).toMatchObject({
      Person: 14,
      Family: 2,
      Facility: 1,
      Place: 7,
      Organisation: 9,
      Event: 14,
      Source: 3,
      PARENT_OF: 14,
      PARTNER_OF: 1,
      SIBLING_OF: 9,
      GUARDIAN_OF: 8,
      RELATIVE_OF: 8,
      MEMBER_OF: 15,
      REPRESENTS: 4,
      AUTHORED: 4,
      PUBLISHED: 1,
      AFFILIATED_WITH: 7,
      LOCATED_IN: 7,
      PARTICIPATED_IN: 32,
      OCCURRED_AT: 8,
      MENTIONS: 17,
    });
  });

  it('protects the four children of the family, and every minor', async () => {
    const children = await read<{ id: string; protected: boolean; minor: boolean; pseudonym: string }>(
      `MATCH (p:Person)-[:MEMBER_OF {role: 'child'}]->(:Family {id: 'family-bw-2019-01'})
       RETURN p.id AS id, p.protected AS protected, p.minor AS minor, p.pseudonym AS pseudonym ORDER BY id`,
    );
    expect(children.records).toHaveLength(4);
    for (const r of children.records) {
      expect(r.get('protected')).toBe(true);
      expect(r.get('minor')).toBe(true);
      expect(r.get('pseudonym')).toMatch(/^Child [1-4] of family BW-2019-01$/);
    }
    const minors = await read<{ n: number; exposed: number }>(
      'MATCH (p:Person) WHERE p.minor = true RETURN count(p) AS n, sum(CASE WHEN p.protected = true THEN 0 ELSE 1 END) AS exposed',
    );
    expect(minors.records[0]?.get('n')).toBe(7);
    expect(minors.records[0]?.get('exposed')).toBe(0);
    const people = await read<{ id: string; protected: boolean }>(
      'MATCH (p:Person) RETURN p.id AS id, p.protected AS protected',
    );
    const protectedById = new Map(people.records.map((r) => [r.get('id'), r.get('protected')]));
    expect(protectedById.get('person-bw-2019-01-father')).toBe(true);
    expect(protectedById.get('person-bw-2019-01-mother')).toBe(true);
    expect(protectedById.get('person-bw-2019-01-relative-host-1')).toBe(true);
    expect(protectedById.get('person-aiman-umarova')).toBe(false);
    expect(protectedById.get('person-massimo-introvigne')).toBe(false);
  });

  it("stores the father's blocked exit as an open-ended fuzzy interval", async () => {
    const result = await read('MATCH (e:Event {id: $id}) RETURN properties(e) AS e', {
      id: 'event-bw-2019-01-father-blocked-exit',
    });
    const e = result.records[0]?.get('e') as Record<string, unknown>;
    expect(e.kind).toBe('blocked-exit');
    expect(e.date).toBe('2016~/..');
    expect(e.openEnd).toBe('open');
    expect(e.endLatest ?? null).toBeNull();
    expect(e.approximate).toBe(true);
    expect(String(e.startEarliest) < '2016-01-01').toBe(true);
    expect(String(e.startLatest) >= '2016-12-31').toBe(true);
  });

  it('finds the four children with both parents kept from them, and their two hosts', async () => {
    const result = await read<{ child: string; hosts: number }>(
      `MATCH (f:Person)-[:PARENT_OF]->(c:Person)<-[:PARENT_OF]-(m:Person)
       WHERE f.id < m.id
         AND EXISTS { (f)-[:PARTICIPATED_IN {role: 'subject'}]->(:Event {kind: 'blocked-exit'}) }
         AND EXISTS { (m)-[:PARTICIPATED_IN {role: 'subject'}]->(:Event {kind: 'blocked-exit'}) }
       RETURN c.id AS child, COUNT { (:Person)-[:GUARDIAN_OF {role: 'host'}]->(c) } AS hosts ORDER BY child`,
    );
    expect(result.records.map((r) => r.get('child'))).toEqual([1, 2, 3, 4].map((n) => `person-bw-2019-01-child-${n}`));
    expect(result.records.every((r) => r.get('hosts') === 2)).toBe(true);
  });

  it('backs every relationship and event with a verbatim quote from the article', async () => {
    const facts = await read<{ id: string; claims: { excerpt: string | null; source: string | null }[] }>(
      `CALL () {
         MATCH ()-[r]->() WHERE type(r) <> 'CITES' RETURN r.id AS id
         UNION
         MATCH (e:Event) RETURN e.id AS id
       }
       OPTIONAL MATCH (c:Claim {about: id})-[:CITES]->(s:Source)
       RETURN id, collect({excerpt: c.excerpt, source: s.id}) AS claims`,
    );
    expect(facts.records).toHaveLength(seed.relationships.length + (loaded.Event ?? 0));
    for (const record of facts.records) {
      const quoted = record
        .get('claims')
        .filter((c) => c.source === ARTICLE && c.excerpt !== null && article.includes(c.excerpt));
      expect(quoted.length, `${record.get('id')} has no verbatim claim`).toBeGreaterThanOrEqual(1);
    }
  });

  it('changes nothing when loaded a second time', async () => {
    const summary = await loadSeedCase();
    expect(summary.created).toEqual({ nodes: 0, relationships: 0 });
    expect(await counts()).toEqual(loaded);
  });

  it('round-trips export -> wipe -> load -> export exactly', async () => {
    const first = await exportDataset();
    await clearGraph();
    expect(await isEmpty()).toBe(true);
    await validateAndLoad(first, { file: 'export.json' });
    expect(await counts()).toEqual(loaded);
    const second = await exportDataset();
    expect(second).toEqual(first);
    // ...and the export is the file itself, up to order and the dataset title.
    const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));
    const file = Dataset.parse(seed);
    expect(byId(second.entities)).toEqual(byId(file.entities));
    expect(byId(second.relationships)).toEqual(byId(file.relationships));
  });

  describe('rejects invalid input with the path, and writes nothing', () => {
    const extra = {
      type: 'Person',
      id: 'person-must-not-be-written',
      names: [{ value: 'Must not be written', kind: 'primary' }],
    };

    async function expectRejected(input: RawDataset, expectedPath: string, message?: RegExp) {
      input.entities.push(structuredClone(extra));
      const before = await counts();
      const error: unknown = await validateAndLoad(input, { file: 'bad.json' }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      const problems = (error as ValidationError).problems;
      const problem = problems.find((p) => p.path === expectedPath);
      expect(problem, `paths: ${problems.map((p) => p.path).join(', ')}`).toBeDefined();
      expect(problem!.file).toBe('bad.json');
      if (message) expect(problem!.message).toMatch(message);
      expect(await counts()).toEqual(before);
      expect(await counts()).toEqual(loaded);
      const written = await read('MATCH (n:Entity {id: $id}) RETURN n', { id: extra.id });
      expect(written.records).toHaveLength(0);
    }

    it('a bad EDTF date', async () => {
      const data = clone();
      const i = indexOf(data, 'event-bw-2019-01-father-blocked-exit');
      data.entities[i]!.date = '2016-13~/..';
      await expectRejected(data, `entities[${i}].date`, /EDTF/);
    });

    it('a bad EDTF date in a claim', async () => {
      const data = clone();
      data.relationships[2]!.claims[0] = { ...data.relationships[2]!.claims[0]!, date: 'three years ago' } as RawClaim;
      await expectRejected(data, 'relationships[2].claims[0].date', /EDTF/);
    });

    it('an unknown field', async () => {
      const data = clone();
      data.entities[3]!.nickname = 'Aika';
      await expectRejected(data, 'entities[3]', /unknown field.*nickname/);
    });

    it('a dangling reference', async () => {
      const data = clone();
      data.relationships[5]!.to = 'person-nobody';
      await expectRejected(data, 'relationships[5].to', /unknown entity "person-nobody"/);
    });

    it('a claim citing something that is not a source', async () => {
      const data = clone();
      data.relationships[7]!.claims[0]!.source = 'person-aiman-umarova';
      await expectRejected(data, 'relationships[7].claims[0].source', /not a Source/);
    });

    it('a value of the wrong type', async () => {
      const data = clone();
      const i = indexOf(data, 'person-bw-2019-01-child-1');
      data.entities[i]!.minor = 'yes';
      await expectRejected(data, `entities[${i}].minor`);
    });

    it('a duplicate entity id', async () => {
      const data = clone();
      data.entities.push(structuredClone(data.entities[0]!));
      await expectRejected(data, `entities[${data.entities.length - 1}].id`, /duplicate id/);
    });

    it('a duplicate relationship id', async () => {
      const data = clone();
      data.relationships.push({ ...structuredClone(data.relationships[0]!), to: 'person-bw-2019-01-child-4' });
      await expectRejected(data, `relationships[${data.relationships.length - 1}].id`, /duplicate id/);
    });

    it('a relationship between entities it may not join', async () => {
      const data = clone();
      data.relationships.push({
        id: 'rel-umarova-parent-of-rome',
        type: 'PARENT_OF',
        from: 'person-aiman-umarova',
        to: 'place-rome',
        claims: [{ source: ARTICLE, locator: 'para. 9', excerpt: 'Rome', confidence: 'doubtful' }],
      });
      await expectRejected(
        data,
        `relationships[${data.relationships.length - 1}].type`,
        /PARENT_OF cannot join a Person to a Place/,
      );
    });

    it('a role the relationship type does not allow', async () => {
      const data = clone();
      const k = data.relationships.findIndex((r) => r.type === 'GUARDIAN_OF');
      data.relationships[k]!.role = 'jailer';
      await expectRejected(data, `relationships[${k}].role`);
    });

    it('an upper-case id', async () => {
      const data = clone();
      data.entities[0]!.id = 'SRC-Upper';
      await expectRejected(data, 'entities[0].id', /slug/);
    });
  });
});
