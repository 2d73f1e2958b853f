import type { Dataset, Entity, Relationship } from '../schema/index.js';
import { isPlainIsoDate, keyword } from '../import/ftm-vocabulary.js';

type Props = Record<string, string[]>;
interface FtmEntity {
  id: string;
  schema: string;
  properties: Props;
}

/** Sets a property, leaving empty values out (FtM properties are lists of strings). */
function put(props: Props, key: string, ...values: (string | number | undefined | null)[]): void {
  const list = values.filter((v): v is string | number => v !== undefined && v !== null && v !== '').map(String);
  if (list.length) props[key] = [...(props[key] ?? []), ...list];
}

/** A date FtM can hold as is; richer EDTF travels in a keyword the importer reads back. */
function putDate(props: Props, key: string, edtf: string | undefined): void {
  if (!edtf) return;
  if (isPlainIsoDate(edtf)) {
    put(props, key, edtf);
    return;
  }
  put(props, 'keywords', keyword(key, edtf));
  const [start, end] = edtf.split('/');
  const plain = (s?: string) => (s && isPlainIsoDate(s.replace(/[~?%]$/, '')) ? s.replace(/[~?%]$/, '') : undefined);
  if (key === 'date' && end !== undefined) {
    put(props, 'startDate', plain(start));
    put(props, 'endDate', plain(end));
  } else put(props, key, plain(start));
}

function entity(e: Entity): FtmEntity {
  const p: Props = {};
  const primary = e.names.find((n) => n.kind === 'primary') ?? e.names[0]!;
  const others = e.names.filter((n) => n !== primary).map((n) => n.value);
  put(p, 'name', primary.value);
  put(p, 'alias', ...others);
  put(p, 'description', e.description);
  switch (e.type) {
    case 'Person':
      putDate(p, 'birthDate', e.birthDate);
      putDate(p, 'deathDate', e.deathDate);
      put(p, 'gender', e.gender === 'unknown' ? undefined : e.gender);
      put(p, 'nationality', ...(e.citizenships ?? []));
      put(p, 'idNumber', ...(e.identityNumbers ?? []));
      put(p, 'ethnicity', e.ethnicity);
      put(p, 'position', e.occupation);
      if (e.disclosure) put(p, 'keywords', keyword('disclosure', e.disclosure));
      if (e.minor) put(p, 'keywords', keyword('minor', true));
      if (e.pseudonym) put(p, 'keywords', keyword('pseudonym', e.pseudonym));
      if (e.birthPlace) put(p, 'keywords', keyword('birthPlace', e.birthPlace));
      return { id: e.id, schema: 'Person', properties: p };
    case 'Family':
      put(p, 'keywords', keyword('type', 'Family'));
      return { id: e.id, schema: 'Organization', properties: p };
    case 'Organisation':
      put(p, 'keywords', keyword('kind', e.kind));
      return { id: e.id, schema: e.kind === 'state-agency' ? 'PublicBody' : 'Organization', properties: p };
    case 'Facility':
      put(p, 'keywords', keyword('type', 'Facility'), keyword('kind', e.kind));
      put(p, 'latitude', e.latitude);
      put(p, 'longitude', e.longitude);
      put(p, 'registrationNumber', ...(e.externalIds ?? []));
      if (e.securityTier !== undefined) put(p, 'keywords', keyword('securityTier', e.securityTier));
      return { id: e.id, schema: 'RealEstate', properties: p };
    case 'Place':
      put(p, 'full', primary.value);
      put(p, 'country', e.country);
      put(p, 'latitude', e.latitude);
      put(p, 'longitude', e.longitude);
      put(p, 'keywords', keyword('kind', e.kind));
      return { id: e.id, schema: 'Address', properties: p };
    case 'Event':
      putDate(p, 'date', e.date);
      put(p, 'keywords', keyword('kind', e.kind));
      return { id: e.id, schema: 'Event', properties: p };
    case 'Source':
      put(p, 'title', primary.value);
      put(p, 'author', ...(e.authors ?? []));
      put(p, 'publisher', e.publisher);
      putDate(p, 'date', e.date);
      put(p, 'sourceUrl', e.url);
      put(p, 'language', e.language);
      put(p, 'keywords', keyword('kind', e.kind));
      return { id: e.id, schema: 'Document', properties: p };
  }
}

const FAMILY_WORD: Partial<Record<Relationship['type'], string>> = {
  PARENT_OF: 'parent',
  PARTNER_OF: 'spouse',
  SIBLING_OF: 'sibling',
  GUARDIAN_OF: 'guardian',
  RELATIVE_OF: 'relative',
};

function relationship(rel: Relationship): FtmEntity {
  const p: Props = {};
  putDate(p, 'date', rel.date);
  const word = FAMILY_WORD[rel.type];
  if (word) {
    // FtM: `relationship` is what the relative is to the person.
    const [person, relative] =
      rel.type === 'PARTNER_OF' || rel.type === 'SIBLING_OF' ? [rel.from, rel.to] : [rel.to, rel.from];
    put(p, 'person', person);
    put(p, 'relative', relative);
    put(p, 'relationship', rel.type === 'RELATIVE_OF' ? (rel.relation ?? word) : word);
    if (rel.role) put(p, 'keywords', keyword('role', rel.role));
    return { id: rel.id, schema: 'Family', properties: p };
  }
  if (rel.type === 'MEMBER_OF' || rel.type === 'AFFILIATED_WITH') {
    put(p, 'member', rel.from);
    put(p, 'organization', rel.to);
    put(p, 'role', rel.role);
    return { id: rel.id, schema: 'Membership', properties: p };
  }
  put(p, 'subject', rel.from);
  put(p, 'object', rel.to);
  put(p, 'role', rel.role ? `${rel.type}:${rel.role}` : rel.type);
  if (rel.relation) put(p, 'keywords', keyword('relation', rel.relation));
  return { id: rel.id, schema: 'UnknownLink', properties: p };
}

/**
 * FollowTheMoney JSON lines. Kinline facts FtM has no property for (event kinds, EDTF dates,
 * roles, disclosure) travel as "kinline:key=value" keywords, so that an export re-imports to the
 * same entities and relationships; claims do not travel (the re-import cites the file instead).
 */
export function toFtmLines(dataset: Dataset): string {
  return `${[...dataset.entities.map(entity), ...dataset.relationships.map(relationship)]
    .map((e) => JSON.stringify(e))
    .join('\n')}\n`;
}
