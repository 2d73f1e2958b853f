import { beforeAll, describe, expect, it } from 'vitest';
import { parseEdtf, type DateBounds } from '../graph/dates/edtf.js';
import { detentionAggregates } from '../graph/patterns/aggregates.js';
import { acrossReadings, addDays, strongest, weakest, type Certainty } from '../graph/dates/certainty.js';
import { deprivedCertainty, libertyOn } from '../graph/dates/liberty.js';
import { releaseKinds } from '../graph/vocabulary/event-kinds.js';
import { detainedTogether, detentionCascades } from '../graph/patterns/detention-cascades.js';
import { orphanedChildren } from '../graph/patterns/orphaned-children.js';
import type { PatternPage } from '../graph/db/page.js';
import { disclosureOf, isProtected } from '../graph/safety/disclosure.js';
import { ANONYMOUS } from '../graph/access/roles.js';
import { scopeFor } from '../graph/read/scope.js';
import {
  DEPRIVING_EVENT_KINDS,
  type Dataset,
  type Entity,
  type EventRecord,
  type Relationship,
} from '../graph/schema/index.js';
import { validateAndLoad } from '../graph/store/check.js';
import { generateDataset } from '../seeds/generate.js';
import { freshGraph, storedPublicIds } from './support/graph.js';

/**
 * Orphaned children, detention cascades and both aggregates read pages and counts off indexes and
 * stop early; here each is worked out the slow way from the dataset itself (every person, every
 * pair), and every page must match it.
 */
const claim = [{ source: 'bf-src', locator: 'p. 1', excerpt: 'Told by a relative.' }];
const rel = (id: string, type: string, from: string, to: string, role?: string) => ({
  id,
  type,
  from,
  to,
  ...(role ? { role } : {}),
  claims: claim,
});
const person = (id: string, extra: Record<string, unknown> = {}) => ({
  type: 'Person',
  id,
  names: [{ value: `Person ${id}`, kind: 'primary' }],
  ...extra,
});
const event = (id: string, kind: string, date?: string) => ({
  type: 'Event',
  id,
  kind,
  ...(date ? { date } : {}),
  names: [{ value: `${kind} ${id}`, kind: 'primary' }],
  claims: claim,
});

/** What the generator never makes: a parent known only through the family, RELATIVE_OF, open starts on both sides. */
const edgeCases = {
  kinline: 1,
  entities: [
    {
      type: 'Source',
      id: 'bf-src',
      names: [{ value: 'Made-up report', kind: 'primary' }],
      kind: 'report',
      date: '2020',
    },
    { type: 'Family', id: 'bf-fam', names: [{ value: 'Made-up family', kind: 'primary' }] },
    person('bf-p1'),
    person('bf-p2'),
    person('bf-p3'),
    person('bf-kid', { minor: true }),
    person('bf-kid2', { minor: true }),
    event('bf-d1', 'detention', '../2018-06'),
    event('bf-d2', 'disappearance', '2017-11/..'),
    event('bf-d3', 'detention', '2018-05~/..'),
    // A detention no source dates ("date unclear"): its subject is possibly held on any date.
    person('bf-p4'),
    person('bf-kid3', { minor: true }),
    event('bf-d4', 'detention'),
  ],
  relationships: [
    rel('bf-r1', 'PARENT_OF', 'bf-p1', 'bf-kid'),
    rel('bf-m1', 'MEMBER_OF', 'bf-p1', 'bf-fam', 'parent'),
    rel('bf-m2', 'MEMBER_OF', 'bf-p2', 'bf-fam', 'parent'),
    rel('bf-m3', 'MEMBER_OF', 'bf-kid', 'bf-fam', 'child'),
    rel('bf-r2', 'PARENT_OF', 'bf-p3', 'bf-kid2'),
    rel('bf-r3', 'RELATIVE_OF', 'bf-p1', 'bf-p3'),
    rel('bf-s1', 'PARTICIPATED_IN', 'bf-p1', 'bf-d1', 'subject'),
    rel('bf-s2', 'PARTICIPATED_IN', 'bf-p2', 'bf-d2', 'subject'),
    rel('bf-s3', 'PARTICIPATED_IN', 'bf-p3', 'bf-d3', 'subject'),
    rel('bf-r4', 'PARENT_OF', 'bf-p4', 'bf-kid3'),
    rel('bf-s4', 'PARTICIPATED_IN', 'bf-p4', 'bf-d4', 'subject'),
  ],
};

let data: Dataset;
let publicIdOf: (id: string) => string;
const viewer = scopeFor(ANONYMOUS);
const byId = new Map<string, Entity>();
const eventsOf = new Map<string, EventRecord[]>();
const subjectsOf = new Map<string, string[]>();
const isPerson = (id: string) => byId.get(id)?.type === 'Person';
const hidden = (id: string) => {
  const e = byId.get(id);
  return e?.type === 'Person' && isProtected(disclosureOf(e));
};
const visible = (id: string) => (hidden(id) ? publicIdOf(id) : id);
const visibleRel = (r: Relationship) => (hidden(r.from) || hidden(r.to) ? publicIdOf(r.id) : r.id);
const relsOf = (type: string) => data.relationships.filter((r) => r.type === type);
const dated = (e: EventRecord): e is EventRecord & { date: string } => typeof e.date === 'string';
const byKey = (a: string[], b: string[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
};

/** Its own date, then every other date a claim gives it: certainty holds across all of them. */
const readings = (e: EventRecord & { date: string }): DateBounds[] =>
  [e.date, ...new Set(e.claims.flatMap((c) => (c.date && c.date !== e.date ? [c.date] : [])))].map(parseEdtf);
/** The dates only the claims give (an event without a date of its own). */
const claimedReadings = (e: EventRecord): DateBounds[] =>
  [...new Set(e.claims.flatMap((c) => (c.date ? [c.date] : [])))].map(parseEdtf);

beforeAll(async () => {
  await freshGraph();
  data = generateDataset({ people: 3_000, seed: 11 });
  data = {
    ...data,
    entities: [...data.entities, ...(edgeCases.entities as unknown as Entity[])],
    relationships: [...data.relationships, ...(edgeCases.relationships as unknown as Relationship[])],
  };
  for (const e of data.entities) byId.set(e.id, e);
  for (const r of relsOf('PARTICIPATED_IN')) {
    const e = byId.get(r.to);
    if (r.role !== 'subject' || !isPerson(r.from) || e?.type !== 'Event') continue;
    eventsOf.set(r.from, [...(eventsOf.get(r.from) ?? []), e]);
    subjectsOf.set(e.id, [...(subjectsOf.get(e.id) ?? []), r.from]);
  }
  await validateAndLoad(data, { file: 'brute-force' });
  publicIdOf = await storedPublicIds();
}, 600_000);

/** Every page of a pattern, `limit` at a time, checking hasMore on the way. */
async function allPages<T>(page: (offset: number) => Promise<PatternPage<T>>, limit: number): Promise<T[]> {
  const items: T[] = [];
  for (let offset = 0; ; offset += limit) {
    const next = await page(offset);
    items.push(...next.items);
    if (!next.hasMore) return items;
    expect(next.items).toHaveLength(limit);
  }
}

describe('orphaned children', () => {
  const possiblyOn = (b: DateBounds, date: string) =>
    (b.startEarliest === null || b.startEarliest <= date) && (b.endLatest === null || b.endLatest >= date);
  const parentsOf = new Map<string, Set<string>>();
  const add = (child: string, parent: string) => parentsOf.set(child, (parentsOf.get(child) ?? new Set()).add(parent));

  function bruteForce(date: string): string[] {
    if (parentsOf.size === 0) {
      for (const r of relsOf('PARENT_OF')) if (isPerson(r.from) && isPerson(r.to)) add(r.to, r.from);
      const members = relsOf('MEMBER_OF');
      for (const kid of members.filter((m) => m.role === 'child' && isPerson(m.from))) {
        for (const parent of members.filter((m) => m.role === 'parent' && m.to === kid.to && isPerson(m.from)))
          add(kid.from, parent.from);
      }
    }
    const isDeprivation = (e: EventRecord) => (DEPRIVING_EVENT_KINDS as readonly string[]).includes(e.kind);
    // Undated (no date on the event nor its claims): possibly held at an unknown time.
    const undated = (e: EventRecord) => !dated(e) && e.claims.every((c) => !c.date);
    const deprived = (p: string) =>
      (eventsOf.get(p) ?? []).filter(
        (e) => isDeprivation(e) && (undated(e) || (dated(e) && possiblyOn(parseEdtf(e.date), date))),
      );
    // The four states (graph/dates/liberty.ts), from every deprivation and cited release.
    const stateOf = (p: string) => {
      const all = eventsOf.get(p) ?? [];
      const allReadings = (e: EventRecord) => ({ readings: dated(e) ? readings(e) : claimedReadings(e) });
      const deprivations = all.filter(isDeprivation);
      const releases = all.filter((e) => releaseKinds().includes(e.kind as never) && e.claims.length > 0);
      const on = libertyOn(date, deprivations.map(allReadings), releases.map(allReadings));
      return { certainty: deprivedCertainty(on.state), events: deprivations.filter((_, i) => on.deprivations[i]) };
    };
    return [...parentsOf]
      .filter(([, parents]) => [...parents].every((p) => deprived(p).length > 0 && stateOf(p).certainty))
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([child, parents]) => {
        const status = [...parents].map((p) => stateOf(p).certainty);
        const events = [...parents].flatMap((p) => stateOf(p).events.map((e) => `${visible(p)}:${e.id}`)).sort();
        return `${visible(child)} ${weakest(status)} ${[...parents].map(visible).sort().join(',')} ${events.join(',')}`;
      });
  }

  type Hit = {
    child: { id: string };
    certainty: Certainty;
    parents: { parent: { id: string }; events: { id: string }[] }[];
  };
  const rowOf = (hit: Hit) => {
    const events = hit.parents.flatMap((p) => p.events.map((e) => `${p.parent.id}:${e.id}`)).sort();
    return `${hit.child.id} ${hit.certainty} ${hit.parents
      .map((p) => p.parent.id)
      .sort()
      .join(',')} ${events.join(',')}`;
  };

  for (const date of ['2017-06-01', '2018-03-01', '2019-04-13', '2021-01-01']) {
    it(`lists exactly the children whose every known parent is possibly held on ${date}, in id order, page by page`, async () => {
      const expected = bruteForce(date);
      expect(expected.length).toBeGreaterThan(date === '2021-01-01' ? 0 : 30);
      if (date === '2018-03-01')
        expect(expected.some((row) => row.startsWith(`${publicIdOf('bf-kid')} possible`))).toBe(true);
      expect(expected.some((row) => row.startsWith(`${publicIdOf('bf-kid3')} possible`))).toBe(true);
      // Walking all 3,000 people, 300 of them (later pages fall back), or none (always the fallback).
      for (const walk of [undefined, 300, 0]) {
        expect(
          (await allPages((offset) => orphanedChildren(viewer, date, { limit: 29, offset }, walk), 29)).map(rowOf),
          `walk ${walk}`,
        ).toEqual(expected);
      }
    }, 240_000);
  }
});

describe('detention cascades', () => {
  const KIN = ['PARENT_OF', 'PARTNER_OF', 'SIBLING_OF', 'RELATIVE_OF'];

  function bruteForce(w: { from: string; to: string; days: number }): string[] {
    const links = new Map<string, Relationship[]>();
    for (const r of data.relationships.filter(
      (r) => KIN.includes(r.type) && isPerson(r.from) && isPerson(r.to) && r.from !== r.to,
    )) {
      const key = [r.from, r.to].sort().join(' ');
      links.set(key, [...(links.get(key) ?? []), r]);
    }
    const detentions = (p: string) => (eventsOf.get(p) ?? []).filter(dated).filter((e) => e.kind === 'detention');
    const inWindow = (x: DateBounds) =>
      x.startLatest >= w.from && (x.startEarliest === null || x.startEarliest <= w.to);
    const close = (x: DateBounds, y: DateBounds) =>
      x.startEarliest === null || x.startEarliest <= addDays(y.startLatest, w.days);
    const hits: { key: string[]; row: string }[] = [];
    for (const [key, rels] of links) {
      const [a, b] = key.split(' ') as [string, string];
      for (const da of detentions(a)) {
        for (const db of detentions(b)) {
          const [x, y] = [parseEdtf(da.date), parseEdtf(db.date)];
          if (!inWindow(x) || !inWindow(y) || !close(x, y) || !close(y, x)) continue;
          const certainty = acrossReadings([readings(da), readings(db)], (p, q) => detainedTogether(p!, q!, w));
          const kin = rels
            .map((r) => `${r.type}:${visibleRel(r)}`)
            .sort()
            .join(',');
          hits.push({
            key: [x.startLatest, a, b, da.id, db.id],
            row: `${visible(a)} ${visible(b)} ${da.id} ${db.id} ${certainty} ${kin}`,
          });
        }
      }
    }
    return hits.sort((p, q) => byKey(p.key, q.key)).map((h) => h.row);
  }

  type Hit = {
    people: { id: string }[];
    detentions: { id: string }[];
    certainty: Certainty;
    kinship: { type: string; id: string }[];
  };
  const rowOf = (h: Hit) =>
    `${h.people.map((p) => p.id).join(' ')} ${h.detentions.map((d) => d.id).join(' ')} ${h.certainty} ${h.kinship
      .map((k) => `${k.type}:${k.id}`)
      .sort()
      .join(',')}`;

  for (const w of [
    { from: '1900-01-01', to: '2100-12-31', days: 30 },
    { from: '1900-01-01', to: '2100-12-31', days: 90 },
    { from: '2018-01-01', to: '2018-09-30', days: 60 },
  ]) {
    it(`pairs exactly the relatives detained within ${w.days} days in ${w.from}..${w.to}, in order, page by page`, async () => {
      const expected = bruteForce(w);
      expect(expected.length).toBeGreaterThan(10);
      if (w.days === 90 && w.from === '1900-01-01')
        expect(expected.some((row) => row.includes('bf-d1 bf-d3') && row.includes('RELATIVE_OF:bf-r3'))).toBe(true);
      expect((await allPages((offset) => detentionCascades(viewer, w, { limit: 17, offset }), 17)).map(rowOf)).toEqual(
        expected,
      );
    }, 120_000);
  }
});

describe('aggregates', () => {
  const year = (iso: string) => Number(iso.slice(0, 4));

  it('counts detentions per facility and year as a loop over every detention does', async () => {
    const counts = new Map<string, { facility: string; year: number; certain: number; possible: number }>();
    for (const at of relsOf('OCCURRED_AT').filter((r) => byId.get(r.to)?.type === 'Facility')) {
      const d = byId.get(at.from) as EventRecord;
      if (d?.type !== 'Event' || d.kind !== 'detention' || !dated(d)) continue;
      const b = parseEdtf(d.date);
      const [y0, y1] = [year(b.startEarliest ?? b.startLatest), year(b.startLatest)];
      for (let y = y0; y <= y1; y++) {
        const row = counts.get(`${at.to} ${y}`) ?? { facility: at.to, year: y, certain: 0, possible: 0 };
        if (b.startEarliest !== null && y0 === y1) row.certain++;
        else row.possible++;
        counts.set(`${at.to} ${y}`, row);
      }
    }
    const expected = [...counts.values()].sort((a, b) => byKey([a.facility], [b.facility]) || a.year - b.year);
    expect(expected.length).toBeGreaterThan(20);
    for (const limit of [5000, 7]) {
      const got = await detentionAggregates(viewer, { by: 'facility-year', days: 30, limit });
      if (got.by !== 'facility-year') throw new Error(got.by);
      expect(
        got.rows.map((r) => ({ facility: r.facility.id, year: r.year, certain: r.certain, possible: r.possible })),
      ).toEqual(expected.slice(0, limit));
      expect(got.truncated).toBe(expected.length > limit);
    }
  });

  it('counts people detained within N days after crossing at each post as a loop over every crossing does', async () => {
    for (const days of [0, 30, 365]) {
      const people = new Map<string, Map<string, Certainty>>();
      for (const at of relsOf('OCCURRED_AT')) {
        const [c, x] = [byId.get(at.from) as EventRecord, byId.get(at.to)];
        if (
          c?.type !== 'Event' ||
          c.kind !== 'crossing' ||
          !dated(c) ||
          x?.type !== 'Place' ||
          x.kind !== 'border-crossing'
        )
          continue;
        const cb = parseEdtf(c.date);
        for (const p of subjectsOf.get(c.id) ?? []) {
          for (const d of (eventsOf.get(p) ?? []).filter(dated).filter((e) => e.kind === 'detention')) {
            const db = parseEdtf(d.date);
            const after = cb.startEarliest === null || db.startLatest >= cb.startEarliest;
            const soon = db.startEarliest === null || db.startEarliest <= addDays(cb.startLatest, days);
            if (!after || !soon) continue;
            const sure =
              cb.startEarliest !== null &&
              db.startEarliest !== null &&
              db.startEarliest >= cb.startLatest &&
              db.startLatest <= addDays(cb.startEarliest, days);
            const seen = people.get(x.id) ?? new Map<string, Certainty>();
            seen.set(p, strongest([seen.get(p) ?? null, sure ? 'certain' : 'possible'])!);
            people.set(x.id, seen);
          }
        }
      }
      const expected = [...people]
        .map(([crossing, seen]) => {
          const certain = [...seen.values()].filter((c) => c === 'certain').length;
          return { crossing, days, certain, possible: seen.size - certain };
        })
        .sort((a, b) => b.certain + b.possible - (a.certain + a.possible) || a.crossing.localeCompare(b.crossing));
      expect(expected.length).toBeGreaterThan(2);
      const got = await detentionAggregates(viewer, { by: 'crossing', days, limit: 1000 });
      if (got.by !== 'crossing') throw new Error(got.by);
      expect(
        got.rows.map((r) => ({ crossing: r.crossing.id, days: r.days, certain: r.certain, possible: r.possible })),
        `days ${days}`,
      ).toEqual(expected);
    }
  });
});
