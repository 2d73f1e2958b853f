import type { Dataset, Entity, Relationship } from '../schema/index.js';
import { defaultPseudonym, disclosureOf, isProtected, publicIdOf } from './disclosure.js';
import { ENTITY } from '../vocabulary/entity-types.js';

type PersonRecord = Extract<Entity, { type: typeof ENTITY.Person }>;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Matches a name however it is spaced or slashed ("John /Kennedy/", "ABACHIAN  JUAN"). */
function namePattern(value: string): string {
  return value
    .trim()
    .split(/[\s/]+/)
    .filter(Boolean)
    .map(escapeRegExp)
    .join('[\\s/,]+');
}

/** Birth and death records carry the dates the Safety rules withhold for protected people. */
const IDENTIFYING_EVENTS = new Set(['birth', 'death']);

/**
 * A dataset as a reader without clearance may see it (graph/README.md, Safety), with the rules of
 * graph/safety/disclosure.ts: every protected person's id becomes its public id everywhere (ids
 * that contain it too: "ruvte-5389-detention"), names become the pseudonym, birth/death dates,
 * birth place and identity numbers go, and their names are replaced inside every text (claim
 * excerpts, event names, descriptions). Birth and death events of a protected person lose their
 * date and their excerpts.
 */
export function redactDataset(dataset: Dataset): Dataset {
  const people = dataset.entities.filter(
    (e): e is PersonRecord => e.type === ENTITY.Person && isProtected(disclosureOf(e)),
  );
  if (people.length === 0) return dataset;
  const publicIds = new Map(people.map((p) => [p.id, publicIdOf(p.id)]));
  const pseudonyms = new Map(people.map((p) => [p.id, p.pseudonym ?? defaultPseudonym(publicIds.get(p.id)!)]));
  const idRegex = new RegExp(
    `(?<![a-z0-9])(${[...publicIds.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})(?![a-z0-9])`,
    'g',
  );
  const scrubId = (id: string) =>
    publicIds.has(id) ? publicIds.get(id)! : id.replace(idRegex, (m) => publicIds.get(m) ?? m);
  const normal = (text: string) =>
    text
      .toLowerCase()
      .split(/[\s/,]+/)
      .filter(Boolean)
      .join(' ');
  const byName = new Map<string, string>();
  for (const p of people)
    for (const n of p.names) if (normal(n.value).length > 2) byName.set(normal(n.value), pseudonyms.get(p.id)!);
  const patterns = [...new Set(people.flatMap((p) => p.names.map((n) => n.value)).filter((v) => normal(v).length > 2))]
    .sort((a, b) => b.length - a.length)
    .map(namePattern);
  const nameRegex = patterns.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${patterns.join('|')})(?![\\p{L}\\p{N}])`, 'giu')
    : null;
  const scrubText = (text: string) =>
    (nameRegex ? text.replace(nameRegex, (match) => byName.get(normal(match)) ?? 'Protected person') : text).replace(
      idRegex,
      (m) => publicIds.get(m) ?? m,
    );
  const scrubClaims = <T extends { excerpt: string; translation?: string; note?: string }>(
    claims: T[],
    withhold: boolean,
  ): T[] =>
    claims.map((c) => ({
      ...c,
      excerpt: withhold ? '[withheld: record of a protected person]' : scrubText(c.excerpt),
      ...(c.translation ? { translation: withhold ? '[withheld]' : scrubText(c.translation) } : {}),
      ...(c.note ? { note: scrubText(c.note) } : {}),
    }));
  const kinds = new Map(dataset.entities.flatMap((e) => (e.type === ENTITY.Event ? [[e.id, e.kind] as const] : [])));
  // Birth and death events of protected people: their dates and excerpts are withheld.
  const protectedEvents = new Set(
    dataset.relationships
      .filter(
        (r) => r.type === 'PARTICIPATED_IN' && publicIds.has(r.from) && IDENTIFYING_EVENTS.has(kinds.get(r.to) ?? ''),
      )
      .map((r) => r.to),
  );

  const entities = dataset.entities.map((entity): Entity => {
    if (entity.type === ENTITY.Person && publicIds.has(entity.id)) {
      const { birthDate: _b, deathDate: _d, identityNumbers: _i, birthPlace: _p, description: _desc, ...rest } = entity;
      return {
        ...rest,
        id: publicIds.get(entity.id)!,
        names: [{ value: pseudonyms.get(entity.id)!, kind: 'pseudonym' }],
        pseudonym: pseudonyms.get(entity.id)!,
      };
    }
    const scrubbed = {
      ...entity,
      id: scrubId(entity.id),
      names: entity.names.map((n) => ({ ...n, value: scrubText(n.value) })),
    } as Entity;
    if (entity.description) scrubbed.description = scrubText(entity.description);
    if (scrubbed.type === ENTITY.Event) {
      const withhold = protectedEvents.has(entity.id);
      if (withhold) delete scrubbed.date;
      scrubbed.claims = scrubClaims(scrubbed.claims, withhold);
    }
    return scrubbed;
  });
  const relationships = dataset.relationships.map((rel): Relationship => {
    const withhold = protectedEvents.has(rel.from) || protectedEvents.has(rel.to);
    return {
      ...rel,
      id: scrubId(rel.id),
      from: scrubId(rel.from),
      to: scrubId(rel.to),
      claims: scrubClaims(rel.claims, withhold),
    };
  });
  return { ...dataset, entities, relationships };
}
