import { beforeAll, describe, expect, it } from 'vitest';
import { ANONYMOUS, type Reader } from '../graph/access/roles.js';
import { read } from '../graph/db/driver.js';
import { parseFile } from '../graph/import/formats.js';
import { importParsed } from '../graph/import/run.js';
import { coDetention } from '../graph/patterns/co-detention.js';
import { orphanedChildren } from '../graph/patterns/orphaned-children.js';
import { statusAsOf } from '../graph/queries/status-as-of.js';
import { type ReadScope, scopeFor } from '../graph/read/scope.js';
import { DEPRIVING_EVENT_KINDS } from '../graph/schema/index.js';
import { validateAndLoad } from '../graph/store/check.js';
import type { PersonStatusOn } from '../graph/views/events.js';
import { releaseKinds } from '../graph/vocabulary/event-kinds.js';
import { generateDataset } from '../seeds/generate.js';
import { freshGraph } from './support/graph.js';

/**
 * The four states (graph/dates/liberty.ts) on the project's real data, the RUVTE register and the
 * GEDCOM files, and on generated data, read as an anonymous viewer and as a cleared admin: no
 * person is ever "free" without a cited release dated on or before the day, and no one with an
 * undated deprivation is free or unknown.
 */
const RUVTE = '../shared/data/ruvte';
const MAPPINGS = 'graph/import/mappings';
const FILES: [string, string | undefined][] = [
  [`${RUVTE}/victimas-accionar-represivo-ilegal.csv`, `${MAPPINGS}/ruvte-victims.json`],
  [
    `${RUVTE}/victimas-accionar-represivo-ilegal-sin-denuncia-formal.csv`,
    `${MAPPINGS}/ruvte-victims-no-complaint.json`,
  ],
  [`${RUVTE}/centros_clandestinos_detencion.csv`, `${MAPPINGS}/ruvte-centres.json`],
  ['../shared/data/gedcom/kennedy.ged', undefined],
  ['../shared/data/gedcom/royal92.ged', undefined],
];
const READERS: [string, Reader][] = [
  ['anonymous', ANONYMOUS],
  ['admin', { role: 'admin', clearance: 'confidential' }],
];
const DATES = ['1977-03-01', '1990-01-01', '2018-06-01', '2023-01-01'];
const RELEASES: readonly string[] = releaseKinds();

/** Two detentions that certainly overlap, at an identified facility and at a city-level "Prison, Urumqi". */
const claim = [{ source: 'fs-src', locator: 'p. 1', excerpt: 'Held there, per a relative.' }];
const precisionCase = {
  kinline: 1,
  entities: [
    { type: 'Source', id: 'fs-src', kind: 'report', names: [{ value: 'Made-up case list', kind: 'primary' }] },
    {
      type: 'Facility',
      id: 'fs-no3',
      kind: 'detention-centre',
      names: [{ value: 'Urumqi No. 3 Detention Centre', kind: 'primary' }],
    },
    {
      type: 'Facility',
      id: 'fs-prison',
      kind: 'prison',
      precision: 'facility-type',
      names: [{ value: 'Prison, Urumqi', kind: 'primary' }],
    },
    ...['a', 'b', 'c', 'd'].map((x) => ({
      type: 'Person',
      id: `fs-${x}`,
      names: [{ value: `Held ${x}`, kind: 'primary' }],
    })),
    ...['a', 'b', 'c', 'd'].map((x) => ({
      type: 'Event',
      id: `fs-det-${x}`,
      kind: 'detention',
      date: '2017-03-01/2018-03-01',
      names: [{ value: `Detention of ${x}`, kind: 'primary' }],
      claims: claim,
    })),
  ],
  relationships: ['a', 'b', 'c', 'd'].flatMap((x) => [
    { id: `fs-s-${x}`, type: 'PARTICIPATED_IN', from: `fs-${x}`, to: `fs-det-${x}`, role: 'subject', claims: claim },
    { id: `fs-o-${x}`, type: 'OCCURRED_AT', from: `fs-det-${x}`, to: x < 'c' ? 'fs-no3' : 'fs-prison', claims: claim },
  ]),
};

let people: Record<string, unknown>[] = [];
/** Real ids of people with a deprivation that neither it nor its claims date. */
let undated = new Set<string>();

beforeAll(async () => {
  await freshGraph();
  await validateAndLoad(generateDataset({ people: 1_500, seed: 5 }), { file: 'generated' });
  await validateAndLoad(precisionCase, { file: 'precision' });
  const report = await importParsed(await Promise.all(FILES.map(([file, mapping]) => parseFile(file, { mapping }))));
  expect(report.problems).toEqual([]);
  people = (await read<{ p: Record<string, unknown> }>('MATCH (p:Person) RETURN properties(p) AS p')).records.map((r) =>
    r.get('p'),
  );
  const found = await read<{ id: string }>(
    `MATCH (p:Person)-[:PARTICIPATED_IN {role: 'subject'}]->(e:Event) WHERE e.kind IN $kinds AND e.date IS NULL
       AND NOT EXISTS { MATCH (c:Claim {about: e.id}) WHERE c.date IS NOT NULL }
     RETURN DISTINCT p.id AS id`,
    { kinds: DEPRIVING_EVENT_KINDS },
  );
  undated = new Set(found.records.map((r) => r.get('id')));
}, 600_000);

async function everyone(scope: ReadScope, date: string): Promise<Map<string, PersonStatusOn>> {
  const out = new Map<string, PersonStatusOn>();
  const ids = people.map((p) => scope.visibleId(p));
  for (let i = 0; i < ids.length; i += 500) {
    const answer = await statusAsOf(scope, ids.slice(i, i + 500), date);
    expect(answer.notFound).toEqual([]);
    for (const p of answer.people) out.set(p.id, p);
  }
  return out;
}

describe.each(READERS)('status as of a date, to %s', (_, reader) => {
  const scope = scopeFor(reader);
  it.each(DATES)(
    'on %s: everyone in one of four states, free only on a cited release',
    async (date) => {
      const states = await everyone(scope, date);
      expect(states.size).toBe(people.length);
      const tally: Record<string, number> = {};
      for (const [id, p] of states) {
        tally[p.state] = (tally[p.state] ?? 0) + 1;
        if (p.state === 'free') {
          expect(p.events.length, id).toBeGreaterThan(0);
          for (const e of p.events) {
            expect(RELEASES, id).toContain(e.kind);
            expect(e.claims.length, id).toBeGreaterThan(0);
            expect((e.end?.latest ?? e.start?.latest ?? '9999') <= date, id).toBe(true);
          }
        } else if (p.state === 'unknown') expect(p.events, id).toEqual([]);
        else {
          expect(p.status, id).toBeDefined();
          expect(p.events.length, id).toBeGreaterThan(0);
          if (p.state === 'certainly-deprived')
            expect(
              p.events.some((e) => e.certainty === 'certain'),
              id,
            ).toBe(true);
          else
            expect(
              p.events.every((e) => e.certainty === 'possible'),
              id,
            ).toBe(true);
        }
      }
      for (const person of people.filter((p) => undated.has(String(p.id))))
        expect(states.get(scope.visibleId(person))?.state).toMatch(/deprived$/);
      console.log(`four states on ${date}:`, JSON.stringify(tally));
      if (date === '2018-06-01') expect(tally.free).toBeGreaterThan(0);
      // The register's undated detentions keep hundreds possibly deprived on any date.
      expect(tally['possibly-deprived']).toBeGreaterThan(300);
      if (date === '1977-03-01') expect(tally['certainly-deprived']).toBeGreaterThan(0);
    },
    300_000,
  );
});

describe('patterns on the same four states', () => {
  const scope = scopeFor(ANONYMOUS);
  it('orphaned children: every parent certainly or possibly deprived, with the events behind it', async () => {
    for (const date of ['1977-03-01', '2018-06-01']) {
      const page = await orphanedChildren(scope, date, { offset: 0, limit: 200 });
      for (const child of page.items)
        for (const parent of child.parents) {
          expect(parent.state).toMatch(/deprived$/);
          expect(parent.events.length).toBeGreaterThan(0);
        }
    }
  }, 120_000);

  it('co-detention: certain only at an identified facility; "Prison, Urumqi" is possible', async () => {
    const at = async (facility: string) => (await coDetention(scope, { facility }, { offset: 0, limit: 10 }))!.items;
    expect((await at('fs-no3')).map((h) => [h.certainty, h.precision])).toEqual([['certain', 'facility']]);
    expect((await at('fs-prison')).map((h) => [h.certainty, h.precision])).toEqual([['possible', 'facility-type']]);
    const page = await coDetention(scope, {}, { offset: 0, limit: 200 });
    for (const hit of page!.items) if (hit.certainty === 'certain') expect(hit.precision).toBe('facility');
  }, 120_000);
});
