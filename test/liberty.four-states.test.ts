import { describe, expect, it } from 'vitest';
import { type Bounds, boundsOfEdtf, certaintyOn } from '../graph/dates/certainty.js';
import { type DatedReadings, deprivedCertainty, libertyOn } from '../graph/dates/liberty.js';
import { random } from './support/random.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** A random EDTF a source might give: day, month or year, approximate or not, open or unknown ends. */
function randomEdtf(next: () => number, lasting: boolean): string {
  const year = 2010 + Math.floor(next() * 10);
  const point = () => {
    const r = next();
    const y = year + Math.floor(next() * 3);
    const base =
      r < 0.3
        ? `${y}`
        : r < 0.6
          ? `${y}-${pad(1 + Math.floor(next() * 12))}`
          : `${y}-${pad(1 + Math.floor(next() * 12))}-${pad(1 + Math.floor(next() * 28))}`;
    return next() < 0.2 ? `${base}~` : base;
  };
  if (!lasting) return point();
  const r = next();
  if (r < 0.15) return `${point()}/..`;
  if (r < 0.3) return `${point()}/`;
  const [a, b] = [point(), point()];
  return boundsOfEdtf(a).startLatest <= boundsOfEdtf(b).startEarliest! ? `${a}/${b}` : `${b}/${a}`;
}

/** An event with one to three readings (its own date and claimed dates), or none: undated. */
function randomEvent(next: () => number, lasting: boolean): DatedReadings {
  if (next() < 0.15) return { readings: [] };
  const count = 1 + Math.floor(next() * 3);
  const readings: Bounds[] = [];
  for (let i = 0; i < count; i++) {
    try {
      readings.push(boundsOfEdtf(randomEdtf(next, lasting)));
    } catch {
      // a generated interval the parser refuses: fewer readings
    }
  }
  return { readings };
}

const dates = [
  '2009-06-01',
  '2011-03-15',
  '2012-12-31',
  '2014-07-01',
  '2016-01-10',
  '2018-09-30',
  '2021-05-05',
  '2030-01-01',
];

/**
 * The four states (graph/dates/liberty.ts) over random claims, from a seeded generator so a
 * failure replays: what is certain is possible, an undated deprivation is never "free", and
 * "free" always rests on a release dated on or before the day.
 */
describe('the four states over random claims', () => {
  it('certain ⊆ possible, undated deprivation never free, free only on a release by the date', () => {
    const next = random(13);
    let free = 0;
    for (let run = 0; run < 3000; run++) {
      const deprivations = Array.from({ length: Math.floor(next() * 3) }, () => randomEvent(next, true));
      const releases = Array.from({ length: Math.floor(next() * 3) }, () => randomEvent(next, false));
      for (const date of dates) {
        const on = libertyOn(date, deprivations, releases);
        const context = JSON.stringify({ date, deprivations, releases, on });
        // Certain ⊆ possible: a deprivation certain on the date is possible on it by its wide bounds.
        on.deprivations.forEach((c, i) => {
          const d = deprivations[i]!;
          if (c === 'certain') {
            expect(d.readings.length, context).toBeGreaterThan(0);
            for (const b of d.readings) expect(certaintyOn(b, date), context).not.toBeNull();
          }
          if (d.readings.length === 0) expect(c, context).toBe('possible');
        });
        // The state agrees with its deprivations.
        const strongest = on.deprivations.includes('certain')
          ? 'certain'
          : on.deprivations.includes('possible')
            ? 'possible'
            : null;
        expect(deprivedCertainty(on.state), context).toBe(strongest);
        if (deprivations.some((d) => d.readings.length === 0))
          expect(on.state, context).not.toMatch(/^(free|unknown)$/);
        if (on.state === 'free') {
          free++;
          expect(on.releases.length, context).toBeGreaterThan(0);
          for (const i of on.releases)
            for (const r of releases[i]!.readings) expect((r.endLatest ?? r.startLatest) <= date, context).toBe(true);
        } else expect(on.releases, context).toEqual([]);
        if (releases.length === 0) expect(on.state, context).not.toBe('free');
      }
    }
    // The generator reaches every state, so the checks above are not vacuous.
    expect(free).toBeGreaterThan(100);
  });

  it('widening the dates of a deprivation never turns possible into not deprived', () => {
    const next = random(29);
    for (let run = 0; run < 2000; run++) {
      const deprivation = randomEvent(next, true);
      if (!deprivation.readings.length) continue;
      const widened = { readings: deprivation.readings.map((b) => ({ ...b, startEarliest: null, endLatest: null })) };
      for (const date of dates) {
        const narrow = libertyOn(date, [deprivation], []).state;
        const wide = libertyOn(date, [widened], []).state;
        if (narrow !== 'unknown') expect(wide, JSON.stringify({ date, deprivation })).not.toBe('unknown');
      }
    }
  });

  it('a release ends a detention of unknown end that began before it; a later arrest makes freedom unknown again', () => {
    const held = { readings: [boundsOfEdtf('2017-03/')] };
    const released = { readings: [boundsOfEdtf('2019-05-02')] };
    expect(libertyOn('2018-01-01', [held], [released]).state).toBe('possibly-deprived');
    expect(libertyOn('2020-01-01', [held], [released])).toMatchObject({ state: 'free', releases: [0] });
    expect(libertyOn('2020-01-01', [held], []).state).toBe('possibly-deprived');
    const rearrested = { readings: [boundsOfEdtf('2019-08/2019-09')] };
    expect(libertyOn('2020-01-01', [held, rearrested], [released]).state).toBe('unknown');
    expect(libertyOn('2020-01-01', [held, { readings: [] }], [released]).state).toBe('possibly-deprived');
    expect(libertyOn('2020-01-01', [], []).state).toBe('unknown');
    expect(libertyOn('2019-05-01', [], [released]).state).toBe('unknown');
  });
});
