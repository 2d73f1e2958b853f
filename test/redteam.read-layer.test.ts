import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../graph/access/users.js';
import { auditEntries } from '../graph/audit/log.js';
import { read } from '../graph/db/driver.js';
import { CSV_COLUMNS } from '../graph/export/csv.js';
import { EXPORT_FORMATS } from '../graph/export/index.js';
import { parseFile } from '../graph/import/formats.js';
import { importParsed } from '../graph/import/run.js';
import { foldText } from '../graph/safety/mentions.js';
import { validateAndLoad } from '../graph/store/check.js';
import { api as contract, type RouteName } from '../server/contract/index.js';
import { type Api, startApi } from './support/api.js';
import { kinlineOnTestGraph } from './support/cli.js';
import { freshGraph, storedPublicIds } from './support/graph.js';
import {
  BIRTHPLACES,
  extraRequests,
  GEDCOM_FILE,
  hostileDataset,
  hostileGedcom,
  NAMESAKES,
  SAMPLE_SETS,
  SEARCH_PAIRS,
  SECRETS,
  type Secret,
  UNKNOWN_TWINS,
} from './support/redteam-fixture.js';
import { type SampleIds, sampleRequests } from './support/route-samples.js';

/**
 * The red team (issue 12, "Done when"): a hostile dataset of our own, in JSON and in GEDCOM, read
 * through every route, every export format and the CLI as an anonymous reader, a viewer, a
 * researcher, a pseudonymous-cleared user and a confidential-cleared admin. Each must read exactly
 * what README "Who sees what" gives their clearance, and every read of a protected person by name
 * must be in the audit log.
 */

const PASSWORD = 'a long enough password';
const USERS = {
  viewer: { role: 'viewer', clearance: 'none' },
  researcher: { role: 'researcher', clearance: 'none' },
  cleared: { role: 'cleared', clearance: 'pseudonymous' },
  admin: { role: 'admin', clearance: 'confidential' },
} as const;
type Who = keyof typeof USERS | 'anonymous';

let api: Api;
let publicIdOf: (id: string) => string;
/** Real ids of the records a reader without clearance may not use: protected, or joining someone protected. */
let withheldIds: Set<string>;
const cookies: Partial<Record<Who, string>> = {};

beforeAll(async () => {
  await freshGraph();
  await validateAndLoad(hostileDataset, { file: 'hostile.json' });
  const file = join(mkdtempSync(join(tmpdir(), 'kinline-redteam-')), GEDCOM_FILE);
  writeFileSync(file, hostileGedcom);
  const report = await importParsed([await parseFile(file)]);
  expect(report.problems).toEqual([]);
  api = await startApi();
  publicIdOf = await storedPublicIds();
  const withheld = await read<{ id: string }>(
    `MATCH (n:Entity) WHERE n.needs IS NOT NULL RETURN n.id AS id
     UNION MATCH (a)-[r]->(b) WHERE r.needs IS NOT NULL OR a.needs IS NOT NULL OR b.needs IS NOT NULL RETURN r.id AS id`,
  );
  withheldIds = new Set(withheld.records.map((r) => r.get('id')));
  for (const [username, { role, clearance }] of Object.entries(USERS)) {
    await addUser({ username, role, clearance, password: PASSWORD });
    const reply = await api.send('POST', '/api/session', { body: { username, password: PASSWORD } });
    expect(reply.status, username).toBe(200);
    cookies[username as Who] = (reply.headers.get('set-cookie') ?? '').split(';')[0]!;
  }
});
afterAll(() => api?.close());

const as = (who: Who, path: string) =>
  api.send('GET', path, who === 'anonymous' ? {} : { headers: { cookie: cookies[who]! } });

// ---------------------------------------------------------------------------------------------
// What a body may not hold
// ---------------------------------------------------------------------------------------------

const GENDER_WORDS = [...new Set(SECRETS.flatMap((s) => s.genderWords))];

/**
 * Every protected value of `secrets` that `text` holds: literally, or folded the way the
 * mention matcher folds (case, spacing, compatibility forms), or as a kinship word that gives a
 * protected person's gender (the fixture's public people have no kin these words could name).
 */
function leaksIn(text: string, secrets: readonly Secret[], options: { birthplaces?: boolean } = {}): string[] {
  const found = new Set<string>();
  const folded = ` ${foldText(text)} `;
  for (const secret of secrets) {
    for (const value of [
      ...secret.strings,
      ...secret.birthDates,
      ...(options.birthplaces === false ? [] : secret.birthPlace),
    ])
      if (text.includes(value)) found.add(`${secret.label}: ${JSON.stringify(value)}`);
    for (const form of secret.folded)
      if (folded.includes(` ${foldText(form)} `)) found.add(`${secret.label}: folded ${JSON.stringify(form)}`);
  }
  if (secrets.some((s) => s.genderWords.length))
    for (const word of GENDER_WORDS)
      if (new RegExp(`\\b${word}s?\\b`, 'i').test(text)) found.add(`gender: ${JSON.stringify(word)}`);
  return [...found];
}

const BELOW = (clearance: 'none' | 'pseudonymous') =>
  SECRETS.filter((s) => clearance === 'none' || s.clearance === 'confidential');

/**
 * The body to look for secrets in, without the echo of the caller's own input: the search query
 * (echoed exactly as sent, README) and the ids status-as-of could not use (echoed as sent, the
 * same for a protected real id as for an id that exists nowhere).
 */
function bodyToCheck(path: string, reply: { text: string; body: unknown }): string {
  if (typeof reply.body !== 'object' || reply.body === null) return reply.text;
  const url = new URL(path, 'http://x');
  if (url.pathname === '/api/search') return JSON.stringify({ ...reply.body, query: undefined });
  if (url.pathname === '/api/status-as-of') {
    const sent = new Set((url.searchParams.get('ids') ?? '').split(','));
    const body = reply.body as { notFound?: string[] };
    return JSON.stringify({ ...body, notFound: body.notFound?.filter((id) => !sent.has(id)) });
  }
  return reply.text;
}

// ---------------------------------------------------------------------------------------------
// Every route, from every starting point, by public and by real ids
// ---------------------------------------------------------------------------------------------

/** Routes that answer files: exports, reworked on branch `exports` (walked further down). */
const EXPORT_ROUTES = new Set<RouteName>(['export', 'cite']);

/**
 * The sample ids by public id, or (mode 'real') with the real ids of withheld records instead: a
 * public record's real id answers what its public id does, so those requests would repeat.
 */
function idsFor(ids: SampleIds, mode: 'public' | 'real'): SampleIds {
  const pick = (id: string) => (mode === 'real' && withheldIds.has(id) ? id : publicIdOf(id));
  return Object.fromEntries(Object.entries(ids).map(([k, id]) => [k, pick(id)])) as unknown as SampleIds;
}

/** Every sample request of every non-export route, for every starting point and id mode, once. */
function walk(): { route: RouteName | 'extra'; path: string }[] {
  const seen = new Set<string>();
  const out: { route: RouteName | 'extra'; path: string }[] = [];
  const add = (route: RouteName | 'extra', path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    out.push({ route, path });
  };
  for (const set of SAMPLE_SETS)
    for (const mode of ['public', 'real'] as const) {
      const samples = sampleRequests(idsFor(set.ids, mode));
      for (const route of Object.keys(contract) as RouteName[])
        if (!EXPORT_ROUTES.has(route)) for (const path of samples[route]) add(route, path);
    }
  for (const path of extraRequests(publicIdOf)) add('extra', path);
  // The hostile spellings, searched for.
  for (const [name] of SEARCH_PAIRS) add('search', `/api/search?q=${encodeURIComponent(name)}`);
  return out;
}

/** A birthplace's own page names it; the test below checks it links it to no protected birth. */
const isBirthplacePage = (path: string) =>
  BIRTHPLACES.some((id) => path.includes(`/entities/${id}`) || path.includes(`/entities/${publicIdOf(id)}`));

it('has a sample for every route of the contract, in every starting point', () => {
  for (const set of SAMPLE_SETS) {
    const samples = sampleRequests(idsFor(set.ids, 'public'));
    for (const name of Object.keys(contract)) expect(samples[name as RouteName], name).toBeDefined();
  }
});

describe.each(['anonymous', 'viewer', 'researcher'] as const)('a reader without clearance (%s)', (who) => {
  it('reads no protected value in any body, error bodies included', { timeout: 180_000 }, async () => {
    const leaks: string[] = [];
    let checked = 0;
    for (const { path } of walk()) {
      const reply = await as(who, path);
      if (reply.status >= 500) leaks.push(`${path}: answered ${reply.status}`);
      for (const leak of leaksIn(bodyToCheck(path, reply), SECRETS, { birthplaces: !isBirthplacePage(path) }))
        leaks.push(`${path} -> ${leak}`);
      checked++;
    }
    expect(leaks).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });
});

it("links no birthplace to a protected person's birth: the place's page lists no withheld birth", async () => {
  for (const id of BIRTHPLACES) {
    const viewer = await as('viewer', `/api/entities/${publicIdOf(id)}`);
    expect(viewer.status).toBe(200);
    expect(viewer.body.relationships, id).toEqual([]);
    const cleared = await as('cleared', `/api/entities/${id}`);
    expect(cleared.body.relationships.length, id).toBeGreaterThan(0);
  }
});

// ---------------------------------------------------------------------------------------------
// Cleared readers: by name up to their clearance, each read audited
// ---------------------------------------------------------------------------------------------

async function protectedReads(actor: string) {
  return auditEntries({ limit: 10, actor, action: 'read-protected' });
}
const lastSeq = (entries: { seq: number }[]) => entries[0]?.seq ?? 0;

/**
 * Walks every route as `who`: no value above their clearance in any body, and every body that
 * names someone protected (a name no public person bears, or their real id as a record's id) comes
 * with a new 'read-protected' audit entry of theirs naming those records.
 */
async function walkCleared(who: 'cleared' | 'admin'): Promise<string[]> {
  const problems: string[] = [];
  const clearance = USERS[who].clearance;
  const readable = SECRETS.filter((s) => clearance === 'confidential' || s.clearance === 'pseudonymous');
  let before = lastSeq(await protectedReads(who));
  for (const { route, path } of walk()) {
    const reply = await as(who, path);
    if (reply.status >= 500) problems.push(`${path}: answered ${reply.status}`);
    const text = bodyToCheck(path, reply);
    if (clearance === 'pseudonymous')
      for (const leak of leaksIn(text, BELOW('pseudonymous'))) problems.push(`${path} -> ${leak}`);
    const named = readable.filter(
      (s) => s.names.some((n) => !s.shared.includes(n) && text.includes(n)) || text.includes(`"id":"${s.id}"`),
    );
    if (named.length === 0) continue;
    // The entries since the last body that named someone: this request's, and any of requests
    // in between that named no one the test knows (a record named after someone, say).
    const log = await protectedReads(who);
    const entries = log.filter((e) => e.seq > before);
    before = lastSeq(log) || before;
    if (entries.length === 0) {
      problems.push(`${path}: names ${named.map((s) => s.label).join(', ')} and is not audited`);
      continue;
    }
    const ids = entries.flatMap((e) => e.details.ids as string[]);
    for (const s of named)
      if (text.includes(`"id":"${s.id}"`) && !ids.includes(s.id))
        problems.push(`${path}: the audit entry does not name ${s.id}`);
    if (route !== 'extra' && !entries.some((e) => e.details.route === route))
      problems.push(`${path}: audited under ${entries.map((e) => e.details.route).join(', ')}, not ${route}`);
  }
  return problems;
}

describe('a user cleared for pseudonymous people', () => {
  it('reads the minors by name, by public and by real id, and audits it', async () => {
    for (const secret of SECRETS.filter((s) => s.clearance === 'pseudonymous')) {
      for (const id of [secret.id, publicIdOf(secret.id)]) {
        const before = lastSeq(await protectedReads('cleared'));
        const reply = await as('cleared', `/api/entities/${id}`);
        expect(reply.status, id).toBe(200);
        expect(reply.body.entity, secret.label).toMatchObject({
          id: secret.id,
          name: secret.names[0],
          disclosure: 'pseudonymous',
        });
        expect(reply.body.entity.birthDate, secret.label).toBe(secret.birthDates[0]);
        const [entry] = await auditEntries({ limit: 1, actor: 'cleared', action: 'read-protected' });
        expect(entry!.seq).toBeGreaterThan(before);
        expect(entry!.details).toMatchObject({ route: 'entity', ids: expect.arrayContaining([secret.id]) });
      }
    }
  });

  // A walk over every route: a minute on a busy two-core machine, so it gets three.
  it('never reads the confidential witness, and every read by name of a minor is audited', {
    timeout: 180_000,
  }, async () => {
    expect(await walkCleared('cleared')).toEqual([]);
  });

  it('finds a minor by her name in every script, and the records named after her', async () => {
    const dilnaza = SECRETS[0]!;
    for (const name of dilnaza.names) {
      const reply = await as('cleared', `/api/search?q=${encodeURIComponent(name)}`);
      expect(
        reply.body.items.map((i: { id: string }) => i.id),
        name,
      ).toContain(dilnaza.id);
    }
    const transfer = await as('cleared', `/api/search?q=${encodeURIComponent('Transfer of Serikqyzy')}`);
    expect(transfer.body.items.map((i: { id: string }) => i.id)).toContain('event-transfer-2018');
  });
});

describe('attribute statements and identifiers (issue 13, "Every fact cited")', () => {
  it("a reader without clearance gets none of a minor's statements or identifiers, by either id", async () => {
    const dilnaza = SECRETS[0]!;
    for (const who of ['anonymous', 'viewer'] as const) {
      const reply = await as(who, `/api/entities/${publicIdOf(dilnaza.id)}`);
      expect(reply.status).toBe(200);
      expect(reply.body.statements).toEqual([]);
      expect(reply.body.entity.identifiers).toBeUndefined();
      expect((await as(who, `/api/entities/${dilnaza.id}`)).status).toBe(404);
    }
  });

  it('a cleared reader sees both birth days a minor is given, with their sources, and her case number', async () => {
    const reply = await as('cleared', `/api/entities/${SECRETS[0]!.id}`);
    const births = reply.body.statements.filter((s: { field: string }) => s.field === 'birthDate');
    expect(births.map((s: { value: string; rank: string }) => [s.value, s.rank])).toEqual([
      ['2014-07-19', 'preferred'],
      ['2014-07-20', 'normal'],
    ]);
    expect(births[1].claims[0]).toMatchObject({ excerpt: 'Date of birth: 20.07.2014', locator: 'p. 2' });
    expect(reply.body.entity.identifiers).toEqual([{ scheme: 'ruvte', value: 'RUVTE-5551' }]);
  });

  it("a public father's two birth years are both shown; the excerpt naming his daughter is withheld", async () => {
    const reply = await as('viewer', '/api/entities/person-serik-abenov');
    const births = reply.body.statements.filter((s: { field: string }) => s.field === 'birthDate');
    expect(births.map((s: { value: string }) => s.value)).toEqual(['1981-01-05', '1980']);
    expect(births[0].claims[0].excerpt).toBe('Serik Abenov, born 5 January 1981.');
    expect(births[1].claims[0]).toMatchObject({ withheld: true, excerpt: expect.stringContaining('withheld') });
  });

  it("a public record's identifier finds it exactly, for anyone", async () => {
    const reply = await as('anonymous', `/api/search?q=${encodeURIComponent('ASPI-0042')}`);
    expect(reply.body.items[0]).toMatchObject({ id: 'facility-camp-3' });
    const page = await as('anonymous', '/api/entities/facility-camp-3');
    expect(page.body.entity.identifiers).toEqual([{ scheme: 'aspi', value: 'ASPI-0042' }]);
  });

  it("a minor's case number finds her for a cleared reader only", async () => {
    const cleared = await as('cleared', `/api/search?q=${encodeURIComponent('RUVTE-5551')}`);
    expect(cleared.body.items.map((i: { id: string }) => i.id)).toContain(SECRETS[0]!.id);
  });
});

describe('an admin cleared for confidential people', () => {
  it('reads the witness and the records named after her', async () => {
    const witness = SECRETS.find((s) => s.clearance === 'confidential')!;
    const page = await as('admin', `/api/entities/${publicIdOf(witness.id)}`);
    expect(page.body.entity).toMatchObject({ id: witness.id, name: witness.names[0], disclosure: 'confidential' });
    const interview = await as('admin', '/api/entities/event-witness-interview-2019');
    expect(interview.body.entity.name).toBe(`Interview with ${witness.names[0]}`);
    const source = await as('admin', '/api/entities/src-radio-transcript');
    expect(source.body.entity.description).toContain('ESENQYZY');
  });

  it('every read by name is audited', { timeout: 180_000 }, async () => {
    expect(await walkCleared('admin')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Namesakes, search, unknown ids
// ---------------------------------------------------------------------------------------------

describe('public namesakes keep their own names', () => {
  it.each(NAMESAKES)('$id is shown as $name to a viewer, on its page and in search', async (namesake) => {
    const page = await as('viewer', `/api/entities/${namesake.id}`);
    expect(page.status).toBe(200);
    expect(page.body.entity).toMatchObject({ id: namesake.id, name: namesake.name });
    expect(page.body.entity.protected).toBeUndefined();
    const search = await as('viewer', `/api/search?q=${encodeURIComponent(namesake.search)}`);
    expect(search.body.items).toContainEqual(expect.objectContaining({ id: namesake.id, name: namesake.name }));
  });

  it("a namesake's own records stay readable", async () => {
    const detention = await as('viewer', '/api/entities/event-namesake-detention-2018');
    expect(detention.body.entity.name).toBe('Detention of Timur Serikuly');
    const award = await as('viewer', '/api/entities/event-award-nurlanova');
    expect(award.body.entity.name).toBe('Award for Baqytgul Nurlanova');
  });
});

describe('searching a protected name answers what a name that exists nowhere answers', () => {
  const compare = async (who: Who, name: string, nowhere: string, extra = '') => {
    const [a, b] = [
      await as(who, `/api/search?q=${encodeURIComponent(name)}${extra}`),
      await as(who, `/api/search?q=${encodeURIComponent(nowhere)}${extra}`),
    ];
    expect(a.status).toBe(200);
    // The query is echoed exactly as sent; everything else is the same: hits, order, scores, hasMore.
    expect(a.body.query).toBe(name);
    expect({ ...a.body, query: '' }, `${name} vs ${nowhere}${extra}`).toEqual({ ...b.body, query: '' });
  };

  it('for a viewer', async () => {
    for (const [name, nowhere] of SEARCH_PAIRS) {
      await compare('viewer', name, nowhere);
      await compare('viewer', name, nowhere, '&limit=1');
      await compare('viewer', name, nowhere, '&types=Person');
    }
  });

  it('for a pseudonymous clearance, on the confidential witness', async () => {
    for (const [name, nowhere] of SEARCH_PAIRS.filter(([name]) => /Baqytgul|Esenqyzy|Бақытгүл/.test(name)))
      await compare('cleared', name, nowhere);
  });
});

describe('what a viewer sees is ordered by what they see, never by a withheld name or id', () => {
  const sorted = (names: string[]) => names.every((name, i) => i === 0 || names[i - 1]! <= name);

  it('search hits of equal score', async () => {
    const reply = await as('viewer', '/api/search?q=Protected%20person&types=Person&limit=100');
    const hits = reply.body.items as { name: string; score: number; protected?: true }[];
    expect(hits.filter((h) => h.protected).length).toBe(SECRETS.length);
    for (const score of new Set(hits.map((h) => h.score)))
      expect(sorted(hits.filter((h) => h.score === score).map((h) => h.name))).toBe(true);
  });

  it("the relationships on a parent's page", async () => {
    for (const id of ['person-serik-abenov', 'person-saule-abenova', 'ged-hostile-i1']) {
      const reply = await as('viewer', `/api/entities/${id}`);
      const rels = reply.body.relationships as { type: string; other: { name: string } }[];
      for (const type of new Set(rels.map((r) => r.type)))
        expect(sorted(rels.filter((r) => r.type === type).map((r) => r.other.name)), `${id} ${type}`).toBe(true);
    }
  });
});

describe('a protected real id answers exactly what an id that exists nowhere answers', () => {
  const routes = (id: string) => [
    `/api/entities/${id}`,
    `/api/family/${id}`,
    `/api/neighbourhood?ids=${id}`,
    `/api/neighbourhood?ids=person-serik-abenov,${id}`,
    `/api/paths?from=${id}&to=person-serik-abenov`,
    `/api/timeline?people=${id}`,
    `/api/timeline?family=${id}`,
    `/api/citations/${id}`,
    `/api/sources/${id}`,
    `/api/sources/${id}/cite?format=csl`,
    `/api/status-as-of?date=2018-02-15&ids=${id}`,
    `/api/patterns/co-detention?facility=${id}`,
    `/api/patterns/crossing-detentions?crossing=${id}&from=2010-01-01&to=2025-12-31`,
  ];

  it.each(['viewer', 'cleared'] as const)('to a %s', async (who) => {
    const twins = UNKNOWN_TWINS.filter((t) => who === 'viewer' || t.clearance === 'confidential');
    for (const { id, nowhere } of twins) {
      const [real, unknown] = [routes(id), routes(nowhere)];
      for (const [i, path] of real.entries()) {
        const [a, b] = [await as(who, path), await as(who, unknown[i]!)];
        expect(a.status, path).toBe(b.status);
        expect(a.text.replaceAll(id, '<id>'), path).toBe(b.text.replaceAll(nowhere, '<id>'));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Exports: HTTP and the CLI
// ---------------------------------------------------------------------------------------------

/*
 * Exports go through the export form of the read layer (graph/safety/stored-guards.ts, then
 * redact-dataset.ts): the same fixture, every format, as a viewer.
 */
const HTTP_FORMATS = ['json', 'graphml', 'gexf', 'csv', 'csl', 'bibtex', 'geojson'] as const;
const CSV_FILES = Object.keys(CSV_COLUMNS);

function exportPaths(format: string): string[] {
  const some = [
    publicIdOf('person-serik-abenov'),
    ...SECRETS.map((s) => publicIdOf(s.id)),
    publicIdOf('event-serik-detention-2017'),
    publicIdOf('event-transfer-2018'),
    publicIdOf('src-press-clip-12'),
    publicIdOf('src-case-file-7731'),
    publicIdOf('family-abenov'),
    publicIdOf('ged-hostile-i1'),
  ].join(',');
  const files = format === 'csv' ? CSV_FILES.map((f) => `&csvFile=${f}`) : [''];
  return files.flatMap((file) => [
    `/api/export?format=${format}${file}`,
    `/api/export?format=${format}&ids=${some}${file}`,
  ]);
}

async function httpExportLeaks(format: string, who: Who): Promise<string[]> {
  const leaks: string[] = [];
  const paths = [
    ...exportPaths(format),
    ...(format === 'csl' || format === 'bibtex'
      ? ['src-press-clip-12', 'src-case-file-7731', 'src-notes-baqytgul-esenqyzy', 'ged-hostile'].map(
          (id) => `/api/sources/${publicIdOf(id)}/cite?format=${format}`,
        )
      : []),
  ];
  for (const path of paths) {
    const reply = await as(who, path);
    if (reply.status >= 500) leaks.push(`${path}: answered ${reply.status}`);
    for (const leak of leaksIn(reply.text, SECRETS, { birthplaces: false })) leaks.push(`${path} -> ${leak}`);
  }
  return leaks;
}

describe('HTTP exports to a viewer', () => {
  for (const format of HTTP_FORMATS)
    it(`${format} holds no protected value`, async () => {
      expect(await httpExportLeaks(format, 'viewer')).toEqual([]);
    });

  it('ftm and gedcom are not served over HTTP, and the refusal names no one', async () => {
    for (const format of EXPORT_FORMATS.filter((f) => !(HTTP_FORMATS as readonly string[]).includes(f))) {
      const reply = await as('viewer', `/api/export?format=${format}&ids=${publicIdOf(SECRETS[0]!.id)}`);
      expect(reply.status).toBe(400);
      expect(leaksIn(reply.text, SECRETS)).toEqual([]);
    }
  });
});

describe('kinline export (default reader: viewer)', () => {
  // `--as USER` (other clearances, admin's --include-protected, the audit of each export) is
  // walked in test/cli.export-import-protection.test.ts and test/export.by-reader.test.ts.
  const leaks = new Map<string, Promise<string[]>>();

  /** One `kinline export` per format: its files (CSV) or stdout, and its messages. */
  async function cliLeaks(format: string): Promise<string[]> {
    const out: string[] = [];
    const dir = format === 'csv' ? mkdtempSync(join(tmpdir(), 'kinline-redteam-csv-')) : undefined;
    const run = await kinlineOnTestGraph(['export', '--format', format, ...(dir ? ['--out', dir] : [])]);
    if (run.code !== 0) return [`exit ${run.code}: ${run.stderr}`];
    const files = dir ? readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]) : [['stdout', run.stdout]];
    for (const [name, text] of files)
      out.push(...leaksIn(text!, SECRETS, { birthplaces: false }).map((l) => `${name} -> ${l}`));
    out.push(...leaksIn(run.stderr, SECRETS).map((l) => `stderr -> ${l}`));
    return out;
  }

  beforeAll(async () => {
    // Two at a time: each run starts Node, tsx and a Neo4j driver.
    const formats = [...EXPORT_FORMATS];
    const next = async (): Promise<void> => {
      const format = formats.shift();
      if (!format) return;
      const result = cliLeaks(format);
      leaks.set(format, result);
      await result;
      return next();
    };
    await Promise.all([next(), next()]);
  });

  for (const format of EXPORT_FORMATS)
    it(`--format ${format} holds no protected value`, async () => {
      expect(await leaks.get(format)).toEqual([]);
    });
});
