import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { read } from '../graph/db/driver.js';
import { closeBySource, publicationLatest } from '../graph/dates/close.js';
import { NO_LATEST, parseEdtf } from '../graph/dates/edtf.js';
import { phraseEdtf, phraseOf } from '../graph/dates/phrase.js';
import { parseCsvWithMapping, readMapping } from '../graph/import/csv/read.js';
import { edtfToGedcomDate, gedcomDateToEdtf } from '../graph/import/gedcom/dates.js';
import { validateAndLoad } from '../graph/store/check.js';
import {
  type Bounds,
  GEDCOM_PHRASES,
  REAL_PHRASES,
  RUVTE_PHRASES,
  SEED_PHRASES,
  STANDARD_FORMS,
} from './support/date-phrases.js';
import { freshGraph } from './support/graph.js';
import { visItem } from '../client/src/timeline/items.js';
import type { TimelineItem } from '../graph/views/events.js';

const DATA = '../shared/data';
const boundsOf = (edtf: string): Bounds => {
  const b = parseEdtf(edtf);
  return [b.startEarliest, b.startLatest, b.endEarliest, b.endLatest];
};

describe('the date-phrase table', () => {
  it('holds at least 80 real phrases, each naming its source', () => {
    expect(REAL_PHRASES.length).toBeGreaterThanOrEqual(80);
    for (const [source] of REAL_PHRASES)
      expect(source).toMatch(/^(RUVTE 2019|GEDCOM \w+\.ged, line \d+|Bitter Winter)/);
    expect(new Set(REAL_PHRASES.map(([, asWritten, edtf]) => `${asWritten}|${edtf}`)).size).toBe(REAL_PHRASES.length);
  });

  it.each(REAL_PHRASES)('%s: "%s" is %s, with its bounds and phrase', (_source, _asWritten, edtf, bounds, phrase) => {
    expect(boundsOf(edtf)).toEqual(bounds);
    expect(phraseEdtf(edtf)).toBe(phrase);
  });

  it.each(STANDARD_FORMS)('the standard form %s has its bounds and phrase', (edtf, bounds, phrase) => {
    expect(boundsOf(edtf)).toEqual(bounds);
    expect(phraseEdtf(edtf)).toBe(phrase);
  });
});

describe('each phrase is where its source has it', () => {
  it('in the RUVTE register, at the register id and column named', () => {
    const rows = new Map<string, Record<string, string>>();
    for (const file of ['victimas-accionar-represivo-ilegal.csv']) {
      const [header, ...lines] = readFileSync(`${DATA}/ruvte/${file}`, 'latin1').split(/\r?\n/);
      const names = header!.split(',');
      // The date and place cells have no quoted commas before them; the id is the third cell.
      for (const line of lines) {
        const cells = line.split(',');
        if (cells[2]) rows.set(cells[2], Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ''])));
      }
    }
    for (const [source, asWritten] of RUVTE_PHRASES) {
      const [, id, column] = /(ID \d+), (detención|asesinato)$/.exec(source)!;
      const row = rows.get(id!);
      const cell =
        column === 'detención' ? row?.fecha_lugar_detencion_secuestro : row?.fecha_lugar_asesinato_o_hallazgo_de_restos;
      expect(cell?.split(/\s{3,}/)[0], source).toBe(asWritten);
    }
  });

  it('in the GEDCOM files, at the line named', () => {
    const files = new Map<string, string[]>();
    for (const [source, asWritten] of GEDCOM_PHRASES) {
      const [, file, line] = /^GEDCOM (\S+), line (\d+)$/.exec(source)!;
      if (!files.has(file!)) files.set(file!, readFileSync(`${DATA}/gedcom/${file}`, 'utf8').split(/\r?\n/));
      const text = files.get(file!)![Number(line) - 1]!.replace(/\s+/g, ' ');
      expect(text, source).toMatch(new RegExp(`^\\d DATE ${asWritten.replace(/[/]/g, '\\/')} ?$`));
    }
  });

  it('in the seed story, at the line named', () => {
    const lines = readFileSync('../shared/seeds/bitter-winter-ccp-orphans-2019.txt', 'utf8').split(/\r?\n/);
    for (const [source, asWritten] of SEED_PHRASES) {
      const line = Number(/line (\d+)$/.exec(source)![1]);
      expect(lines[line - 1], source).toContain(asWritten);
    }
  });
});

describe('the importers write each phrase as its EDTF', () => {
  it("RUVTE: the shipped mapping reads each cell as the table's EDTF and keeps the cell's words", () => {
    const header = readFileSync(`${DATA}/ruvte/victimas-accionar-represivo-ilegal.csv`, 'latin1').split(/\r?\n/)[0]!;
    const lines = RUVTE_PHRASES.map(([source, asWritten], i) => {
      const killed = source.endsWith('asesinato');
      const cell = `${asWritten}   LA PLATA  BUENOS AIRES`;
      return `1984,ASESINATO,ID ${900_000 + i},PEREZ  JUAN,,,30 años,sin datos,1946,sin datos,sin datos,ARGENTINA,,${killed ? '---' : cell},${killed ? cell : '---'},No,,`;
    });
    const parsed = parseCsvWithMapping(
      Buffer.from([header, ...lines].join('\n'), 'latin1'),
      'phrases.csv',
      readMapping('graph/import/mappings/ruvte-victims.json'),
    );
    expect(parsed.problems).toEqual([]);
    const events = new Map(parsed.dataset.entities.map((e) => [e.id, e as Record<string, unknown>]));
    RUVTE_PHRASES.forEach(([source, asWritten, edtf], i) => {
      const event = events.get(`ruvte-${900_000 + i}-${source.endsWith('asesinato') ? 'death' : 'detention'}`);
      expect({ source, date: event?.date }).toEqual({ source, date: edtf });
      // Where a rule rewrote the words, they are kept beside the EDTF; "1976" needs no keeping.
      expect(event?.dateAsWritten).toBe(asWritten === edtf ? undefined : asWritten);
    });
  });

  it('GEDCOM: each date value gives the EDTF, and the GEDCOM export says it back the same', () => {
    for (const [source, asWritten, edtf] of GEDCOM_PHRASES) {
      expect({ source, read: gedcomDateToEdtf(asWritten) }).toEqual({ source, read: { ok: true, edtf } });
      const back = edtfToGedcomDate(edtf);
      expect(back, source).not.toBeNull();
      expect(gedcomDateToEdtf(back!), source).toEqual({ ok: true, edtf });
    }
  });
});

describe('phrases never mislead', () => {
  it('anything that is not EDTF is shown as written, never as "NaN" or "undefined"', () => {
    for (const text of [
      '2017-13',
      '[2017-06..',
      '{}',
      '2019-02-29',
      '2019-04-31',
      'hace tres años',
      '[..]',
      '2017-99',
      '06,2017',
    ]) {
      expect(phraseOf(text)).toBe(`EDTF ${text}`);
    }
    expect(phraseOf('2020-02-29')).toBe('29 February 2020');
  });

  it('every phrase of every form is words, not EDTF signs', () => {
    for (const [edtf] of [...REAL_PHRASES.map((r) => [r[2]] as const), ...STANDARD_FORMS]) {
      expect(phraseEdtf(edtf), edtf).not.toMatch(/[[\]{}~%]|\.\.|NaN|undefined|\?/);
    }
  });
});

describe('an "after" date is closed by the date of the source that reports it', () => {
  it('the timeline draws one no source closed up to the horizon, not to the year 9999', () => {
    const horizon = Date.parse('2026-01-01T00:00:00Z');
    const item = {
      id: 'e|p',
      eventId: 'e',
      group: 'p',
      role: 'subject',
      kind: 'detention',
      title: 'Detained after 2015',
      edtf: '[2015..]',
      phrase: 'after 2015',
      start: { earliest: '2015-01-01', latest: NO_LATEST },
      end: null,
      openEnd: 'none',
      approximate: false,
      uncertain: false,
      point: true,
      claims: [],
    } satisfies TimelineItem;
    const drawn = visItem(item, horizon)!;
    expect(drawn.start.toISOString().slice(0, 10)).toBe('2015-01-01');
    expect(drawn.end!.getTime()).toBeLessThanOrEqual(horizon + 86_400_000);
  });

  it('closes only open "on or after" bounds, at the last day of the publication date', () => {
    expect(publicationLatest('2021')).toBe('2021-12-31');
    expect(publicationLatest('2019-04')).toBe('2019-04-30');
    expect(publicationLatest('[2019..]')).toBeNull();
    expect(closeBySource(parseEdtf('[2015..]'), '2021-12-31')).toMatchObject({
      startEarliest: '2015-01-01',
      startLatest: '2021-12-31',
      endLatest: '2021-12-31',
      openAfter: false,
    });
    // A still-held detention stays open; a sentence "until 2030" is the source's word, kept.
    expect(closeBySource(parseEdtf('[2015..]/..'), '2021-12-31')).toMatchObject({
      startLatest: '2021-12-31',
      endLatest: null,
      openEnd: 'open',
    });
    expect(closeBySource(parseEdtf('2015/2030'), '2021-12-31')).toMatchObject({ endLatest: '2030-12-31' });
    // A source older than the earliest bound cannot close it (a bad date is not made worse).
    expect(closeBySource(parseEdtf('[2022..]'), '2021-12-31').startLatest).toBe(NO_LATEST);
  });

  it('is applied when events and claims are loaded, for sources in the file and sources already stored', async () => {
    await freshGraph();
    const source = (id: string, date?: string) => ({
      type: 'Source',
      id,
      kind: 'report',
      names: [{ value: `Report ${id}`, kind: 'primary' }],
      ...(date ? { date } : {}),
    });
    const claim = (src: string, date?: string) => ({
      source: src,
      locator: 'p. 1',
      excerpt: 'Detained some time after 2015.',
      ...(date ? { date } : {}),
    });
    const event = (id: string, claims: unknown[]) => ({
      type: 'Event',
      id,
      kind: 'detention',
      names: [{ value: `Detention ${id}`, kind: 'primary' }],
      date: '[2015..]',
      claims,
    });
    await validateAndLoad({
      kinline: 1,
      entities: [
        source('src-2021', '2021'),
        source('src-undated'),
        event('ev-closed', [claim('src-2021')]),
        event('ev-open', [claim('src-undated')]),
        event('ev-claim', [claim('src-undated'), claim('src-2021', '[2016-06..]')]),
      ],
      relationships: [],
    });
    // A later file citing the stored 2021 source only.
    await validateAndLoad({ kinline: 1, entities: [event('ev-later', [claim('src-2021')])], relationships: [] });
    const stored = await read<{ id: string; latest: string }>(
      `MATCH (e:Event) RETURN e.id AS id, e.startLatest AS latest
       UNION ALL MATCH (c:Claim) WHERE c.date IS NOT NULL RETURN c.id AS id, c.startLatest AS latest`,
    );
    expect(Object.fromEntries(stored.records.map((r) => [r.get('id'), r.get('latest')]))).toEqual({
      'ev-closed': '2021-12-31',
      'ev-open': NO_LATEST,
      'ev-claim': NO_LATEST,
      'ev-claim#1': '2021-12-31',
      'ev-later': '2021-12-31',
    });
  });
});
