import { phraseOf } from '../../../graph/dates/phrase.js';

/**
 * A date as a reader says it: the phrase the server sends with every date it shows
 * (graph/dates/phrase.ts), or, for a bare EDTF value (a claim's or a relationship's date), the
 * same phrase made here from the same module. Never "NaN" or "undefined": text that is not EDTF
 * is shown as written.
 */
export function describeEdtf(edtf: string, phrase?: string | null): string {
  return phrase ?? phraseOf(edtf);
}

/** "June or July 2017 · EDTF [2017-06..2017-07]": the phrase, then the EDTF it stands for. */
export function describeWithEdtf(edtf: string, phrase?: string | null): string {
  return `${describeEdtf(edtf, phrase)} · EDTF ${edtf}`;
}
