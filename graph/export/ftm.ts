import type { Dataset, Entity, EntityOf, Relationship } from '../schema/index.js';
import {
  ENTITY_TYPE_INFO,
  type EntityType,
  FTM,
  type FtmMapping,
  type FtmSchema,
  RELATIONSHIP_SPECS,
  type RelationshipSpec,
} from '../vocabulary/index.js';
import { isPlainIsoDate, keyword } from '../import/ftm/vocabulary.js';

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

type PropertyWriter<Type extends EntityType> = (e: EntityOf<Type>, p: Props) => FtmSchema | undefined;

/** Each type's own fields as FtM properties; the schema they return overrides the type's own. */
const WRITERS: { [Type in EntityType]?: PropertyWriter<Type> } = {
  Person: (e, p) => {
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
    return undefined;
  },
  Organisation: (e, p) => {
    put(p, 'keywords', keyword('kind', e.kind));
    return e.kind === 'state-agency' ? FTM.PublicBody : undefined;
  },
  Facility: (e, p) => {
    put(p, 'keywords', keyword('kind', e.kind));
    put(p, 'latitude', e.latitude);
    put(p, 'longitude', e.longitude);
    put(p, 'registrationNumber', ...(e.identifiers ?? []).map((i) => i.value));
    if (e.securityTier !== undefined) put(p, 'keywords', keyword('securityTier', e.securityTier));
    return undefined;
  },
  Place: (e, p) => {
    put(p, 'full', primaryName(e).value);
    put(p, 'country', e.country);
    put(p, 'latitude', e.latitude);
    put(p, 'longitude', e.longitude);
    put(p, 'keywords', keyword('kind', e.kind));
    return undefined;
  },
  Event: (e, p) => {
    putDate(p, 'date', e.date);
    put(p, 'keywords', keyword('kind', e.kind));
    return undefined;
  },
  Source: (e, p) => {
    put(p, 'title', primaryName(e).value);
    put(p, 'author', ...(e.authors ?? []));
    put(p, 'publisher', e.publisher);
    putDate(p, 'date', e.date);
    put(p, 'sourceUrl', e.url);
    put(p, 'language', e.language);
    put(p, 'keywords', keyword('kind', e.kind));
    return undefined;
  },
};

const primaryName = (e: Entity) => e.names.find((n) => n.kind === 'primary') ?? e.names[0]!;

function entity(e: Entity): FtmEntity {
  const p: Props = {};
  const primary = primaryName(e);
  const others = e.names.filter((n) => n !== primary).map((n) => n.value);
  put(p, 'name', primary.value);
  put(p, 'alias', ...others);
  put(p, 'description', e.description);
  // Schemes have no FtM property: the identifiers travel whole, as one keyword the importer reads.
  if (e.identifiers?.length) put(p, 'keywords', keyword('identifiers', JSON.stringify(e.identifiers)));
  const ftm: FtmMapping = ENTITY_TYPE_INFO[e.type].ftm;
  // A type FtM has no schema for travels as a marked one (a Family as an Organization).
  if (ftm.typeKeyword) put(p, 'keywords', keyword('type', e.type));
  const write = WRITERS[e.type] as PropertyWriter<EntityType> | undefined;
  const schema = write?.(e, p) ?? ftm.schema;
  return { id: e.id, schema, properties: p };
}

function relationship(rel: Relationship): FtmEntity {
  const p: Props = {};
  putDate(p, 'date', rel.date);
  const spec: RelationshipSpec = RELATIONSHIP_SPECS[rel.type];
  if (spec.ftm?.schema === FTM.Family && spec.ftm.word) {
    // FtM: `relationship` is what the relative is to the person; symmetric facts read either way.
    const [person, relative] = spec.symmetric ? [rel.from, rel.to] : [rel.to, rel.from];
    put(p, 'person', person);
    put(p, 'relative', relative);
    // The catch-all (RELATIVE_OF, no words of its own) carries its relation in words.
    put(p, 'relationship', spec.ftm.words ? spec.ftm.word : (rel.relation ?? spec.ftm.word));
    if (rel.role) put(p, 'keywords', keyword('role', rel.role));
    return { id: rel.id, schema: FTM.Family, properties: p };
  }
  if (spec.ftm?.schema === FTM.Membership) {
    put(p, 'member', rel.from);
    put(p, 'organization', rel.to);
    put(p, 'role', rel.role);
    return { id: rel.id, schema: FTM.Membership, properties: p };
  }
  put(p, 'subject', rel.from);
  put(p, 'object', rel.to);
  put(p, 'role', rel.role ? `${rel.type}:${rel.role}` : rel.type);
  if (rel.relation) put(p, 'keywords', keyword('relation', rel.relation));
  return { id: rel.id, schema: FTM.UnknownLink, properties: p };
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
