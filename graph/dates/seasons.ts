/**
 * ISO 8601-2 divisions of a year (EDTF "2017-21"), as months. 21-24 name a season without a
 * hemisphere: Kinline reads them by the northern-hemisphere (meteorological) convention, as the
 * sources it serves mostly do; 25-28 are the northern seasons and 29-32 the southern ones;
 * 33-36 quarters, 37-39 quadrimesters (four months), 40-41 semesters (graph/README.md, Dates).
 * A season that runs over the new year (a northern winter, a southern summer) starts in December
 * of the year written: "2016-24" is December 2016 to February 2017.
 * Imports nothing: the client phrases dates with it too.
 */
export interface Division {
  /** First month, 1-12, in the year written. */
  first: number;
  /** Months it lasts; may run into the next year. */
  months: number;
  /** In words, before the year: "spring", "the first quarter of". */
  name: string;
  /** Added after the year, when the code names a hemisphere. */
  hemisphere?: 'northern' | 'southern';
}

const season = (first: number, name: string, hemisphere?: Division['hemisphere']): Division => ({
  first,
  months: 3,
  name,
  ...(hemisphere ? { hemisphere } : {}),
});

export const DIVISIONS: Readonly<Record<number, Division>> = {
  21: season(3, 'spring'),
  22: season(6, 'summer'),
  23: season(9, 'autumn'),
  24: season(12, 'winter'),
  25: season(3, 'spring', 'northern'),
  26: season(6, 'summer', 'northern'),
  27: season(9, 'autumn', 'northern'),
  28: season(12, 'winter', 'northern'),
  29: season(9, 'spring', 'southern'),
  30: season(12, 'summer', 'southern'),
  31: season(3, 'autumn', 'southern'),
  32: season(6, 'winter', 'southern'),
  33: { first: 1, months: 3, name: 'the first quarter of' },
  34: { first: 4, months: 3, name: 'the second quarter of' },
  35: { first: 7, months: 3, name: 'the third quarter of' },
  36: { first: 10, months: 3, name: 'the fourth quarter of' },
  37: { first: 1, months: 4, name: 'January–April' },
  38: { first: 5, months: 4, name: 'May–August' },
  39: { first: 9, months: 4, name: 'September–December' },
  40: { first: 1, months: 6, name: 'the first half of' },
  41: { first: 7, months: 6, name: 'the second half of' },
};

/** First and last millisecond of a division of `year` (UTC). */
export function divisionSpan(year: number, code: number): { min: number; max: number } | null {
  const division = DIVISIONS[code];
  if (!division) return null;
  const start = new Date(0);
  start.setUTCFullYear(year, division.first - 1, 1);
  const next = new Date(0);
  next.setUTCFullYear(year, division.first - 1 + division.months, 1);
  return { min: start.getTime(), max: next.getTime() - 1 };
}
