import { expect, it } from 'vitest';
import { parseEdtf, parsePartForTest } from '../graph/dates/edtf.js';

const { plain, library } = parsePartForTest;

function* plainDates(): Generator<string> {
  for (const year of ['1000', '1899', '1900', '2000', '2019', '2020', '2100', '9999']) {
    for (const q of ['', '~', '?', '%']) {
      yield `${year}${q}`;
      for (let month = 0; month <= 13; month += 1) {
        const mm = String(month).padStart(2, '0');
        yield `${year}-${mm}${q}`;
        for (const day of [0, 1, 15, 28, 29, 30, 31, 32]) yield `${year}-${mm}-${String(day).padStart(2, '0')}${q}`;
      }
    }
  }
}

it('reads plain dates exactly as the edtf library does, and leaves the rest to it', () => {
  let fast = 0;
  for (const text of plainDates()) {
    const ours = plain(text);
    if (ours === null) continue;
    fast += 1;
    expect({ text, ...ours }).toEqual({ text, ...library(text) });
  }
  expect(fast).toBeGreaterThan(1000);
  for (const text of [
    '2019-21',
    '0999',
    '-0100',
    '2019-04-XX',
    '2019-~04',
    '19XX',
    '2019-02-29',
    '2019-13',
    '2019-04-31',
  ]) {
    expect(plain(text)).toBeNull();
  }
});

it('returns the same bounds from the cache as on first parse', () => {
  const first = parseEdtf('2016~/..');
  expect(parseEdtf('2016~/..')).toEqual(first);
  expect(Object.isFrozen(first)).toBe(true);
  expect(() => parseEdtf('2019-13')).toThrow(/not a valid EDTF date/);
  expect(() => parseEdtf('2019-13')).toThrow(/not a valid EDTF date/);
});
