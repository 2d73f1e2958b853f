import type { DatasetInput } from '../../schema/index.js';
import { type EntityType, FTM } from '../../vocabulary/index.js';
import type { Position } from '../types.js';

type Claim = DatasetInput['relationships'][number]['claims'][number];
type Name = { value: string; kind: 'primary' };

/** What a reader gets: the FtM entity, its kinline keywords, and the importer's date and claim helpers. */
export interface ReaderInput {
  run: {
    date(p: Record<string, string[]>, kw: Map<string, string>, key: string, at: Position): string | undefined;
    claim(line: number, text: string): Claim;
  };
  e: { id: string; schema: string; properties: Record<string, string[]> };
  p: Record<string, string[]>;
  kw: Map<string, string>;
  at: Position;
  line: number;
  text: string;
  id: string;
  names: Name[];
}
export type Reader = (input: ReaderInput) => Record<string, unknown>;

function coordinates(p: Record<string, string[]>) {
  const lat = Number(p.latitude?.[0]),
    lon = Number(p.longitude?.[0]);
  return Number.isFinite(lat) && Number.isFinite(lon) && p.latitude && p.longitude
    ? { latitude: lat, longitude: lon }
    : {};
}

/**
 * Each type's own fields from FtM properties (graph/import/README.md, FollowTheMoney). The type
 * itself comes from the vocabulary (entityTypeOfFtm); a type without a reader keeps its names only.
 */
export const READERS: { [Type in EntityType]?: Reader } = {
  Person: ({ run, p, kw, at }) => {
    const birthDate = run.date(p, kw, 'birthDate', at);
    const deathDate = run.date(p, kw, 'deathDate', at);
    const gender = p.gender?.[0];
    return {
      ...(gender === 'male' || gender === 'female' || gender === 'other' ? { gender } : {}),
      ...(birthDate ? { birthDate } : {}),
      ...(deathDate ? { deathDate } : {}),
      ...(p.nationality || p.citizenship
        ? { citizenships: [...new Set([...(p.citizenship ?? []), ...(p.nationality ?? [])])].slice(0, 10) }
        : {}),
      ...(p.idNumber || p.passportNumber
        ? { identityNumbers: [...(p.idNumber ?? []), ...(p.passportNumber ?? [])].slice(0, 20) }
        : {}),
      ...(p.ethnicity ? { ethnicity: p.ethnicity[0] } : {}),
      ...(p.position ? { occupation: p.position[0] } : {}),
      ...(kw.has('disclosure') ? { disclosure: kw.get('disclosure') } : {}),
      ...(kw.get('minor') === 'true' ? { minor: true } : {}),
      ...(kw.has('pseudonym') ? { pseudonym: kw.get('pseudonym') } : {}),
      ...(kw.has('birthPlace') ? { birthPlace: kw.get('birthPlace') } : {}),
    };
  },
  Organisation: ({ e, kw }) => ({ kind: kw.get('kind') ?? (e.schema === FTM.PublicBody ? 'state-agency' : 'other') }),
  Facility: ({ p, kw }) => ({
    kind: kw.get('kind') ?? 'other',
    ...coordinates(p),
    // A Kinline export carries the identifiers whole (read.ts); another tool's numbers have no scheme.
    ...(p.registrationNumber && !kw.has('identifiers') ? { externalIds: p.registrationNumber } : {}),
    ...(kw.has('securityTier') ? { securityTier: Number(kw.get('securityTier')) } : {}),
  }),
  Place: ({ p, kw }) => ({
    kind: kw.get('kind') ?? 'address',
    ...(p.country ? { country: p.country[0] } : {}),
    ...coordinates(p),
  }),
  Source: ({ run, e, p, kw, at, names }) => {
    const date = run.date(p, kw, 'date', at) ?? run.date(p, kw, 'publishedAt', at);
    return {
      names: p.title ? [{ value: p.title[0]!, kind: 'primary' }] : names,
      kind: kw.get('kind') ?? (e.schema === FTM.Article ? 'article' : 'official-document'),
      ...(p.author ? { authors: p.author } : {}),
      ...(p.publisher ? { publisher: p.publisher[0] } : {}),
      ...(date ? { date } : {}),
      ...(p.sourceUrl ? { url: p.sourceUrl[0] } : {}),
      ...(p.language ? { language: p.language[0] } : {}),
    };
  },
  Event: ({ run, p, kw, at, line, text }) => {
    const date = run.date(p, kw, 'date', at);
    return { kind: kw.get('kind') ?? 'other', ...(date ? { date } : {}), claims: [run.claim(line, text)] };
  },
};
