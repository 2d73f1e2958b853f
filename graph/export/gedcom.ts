import type { Dataset, Entity, Relationship } from '../schema/index.js';
import { edtfToGedcomDate } from '../import/gedcom/dates.js';
import { GEDCOM_EVENT_KINDS } from '../vocabulary/event-kinds.js';
import { ENTITY } from '../vocabulary/entity-types.js';

type Person = Extract<Entity, { type: typeof ENTITY.Person }>;
type Event = Extract<Entity, { type: typeof ENTITY.Event }>;

const PEDIGREE: Record<string, string> = { biological: 'birth', adoptive: 'adopted', foster: 'foster' };

/** GEDCOM lines for one date: as a date value when GEDCOM can say it, else as a date phrase. */
function dateLine(level: number, edtf: string | undefined): string[] {
  if (!edtf) return [];
  return [`${level} DATE ${edtfToGedcomDate(edtf) ?? `(${edtf})`}`];
}

interface Household {
  id?: string;
  partners: string[];
  children: string[];
  childRoles: Map<string, string | undefined>;
  marriage?: Event;
  divorced: boolean;
}

export interface GedcomOptions {
  /** People withheld from the reader (by the ids they carry in the dataset): see toGedcom. */
  withheld?: ReadonlySet<string>;
}

/**
 * The kinship part of a graph as GEDCOM 5.5.1 (UTF-8): people with names, sex, birth and death,
 * and families from Family nodes (MEMBER_OF) or, for parents without one, from PARENT_OF. Each
 * record keeps its Kinline id in a `_KID` tag, so a re-import yields the same ids.
 *
 * A withheld person has no SEX, BIRT or DEAT lines at all (not even a dateless "1 BIRT"), and a
 * family with a withheld partner lists its partners as `_PARTNER` rather than HUSB and WIFE,
 * which would tell their sex.
 */
/** The dates a person's statements give for a field besides its own, deprecated ones left out. */
const otherDates = (person: Extract<Dataset['entities'][number], { type: 'Person' }>, field: string, own?: string) => [
  ...new Set(
    (person.statements ?? []).flatMap((s) =>
      s.field === field && s.rank !== 'deprecated' && typeof s.value === 'string' && s.value !== own ? [s.value] : [],
    ),
  ),
];

export function toGedcom(dataset: Dataset, options: GedcomOptions = {}): string {
  const withheld = options.withheld ?? new Set<string>();
  const people = dataset.entities.filter((e): e is Person => e.type === ENTITY.Person);
  const byId = new Map(dataset.entities.map((e) => [e.id, e]));
  const xref = new Map(people.map((p, i) => [p.id, `@I${i + 1}@`]));
  const rels = (type: Relationship['type']) => dataset.relationships.filter((r) => r.type === type);
  const eventsOf = new Map<string, Event[]>();
  for (const r of rels('PARTICIPATED_IN')) {
    const event = byId.get(r.to);
    if (event?.type === ENTITY.Event) eventsOf.set(r.from, [...(eventsOf.get(r.from) ?? []), event]);
  }
  const placeLines = (event: Event | undefined, level: number): string[] => {
    const at = event && dataset.relationships.find((r) => r.type === 'OCCURRED_AT' && r.from === event.id);
    const place = at && byId.get(at.to);
    return place ? [`${level} PLAC ${place.names[0]!.value}`, `${level + 1} _KID ${place.id}`] : [];
  };

  const households: Household[] = [];
  for (const family of dataset.entities.filter((e) => e.type === ENTITY.Family)) {
    const members = rels('MEMBER_OF').filter((r) => r.to === family.id && xref.has(r.from));
    households.push({
      id: family.id,
      partners: members.filter((m) => m.role !== 'child').map((m) => m.from),
      children: members.filter((m) => m.role === 'child').map((m) => m.from),
      childRoles: new Map(),
      divorced: false,
    });
  }
  const covered = new Set(households.flatMap((h) => h.children.map((c) => `${[...h.partners].sort().join('+')}>${c}`)));
  const parentsOf = new Map<string, Relationship[]>();
  for (const r of rels('PARENT_OF'))
    if (xref.has(r.from) && xref.has(r.to)) parentsOf.set(r.to, [...(parentsOf.get(r.to) ?? []), r]);
  for (const [child, parents] of parentsOf) {
    const key = parents
      .map((p) => p.from)
      .sort()
      .join('+');
    for (const h of households)
      if (h.children.includes(child))
        parents.forEach((p) => {
          h.childRoles.set(child, p.role);
        });
    if (covered.has(`${key}>${child}`)) continue;
    let h = households.find((x) => !x.id && [...x.partners].sort().join('+') === key);
    if (!h) {
      h = { partners: parents.map((p) => p.from), children: [], childRoles: new Map(), divorced: false };
      households.push(h);
    }
    h.children.push(child);
    h.childRoles.set(child, parents[0]?.role);
  }
  for (const h of households) {
    const partnerRel = rels('PARTNER_OF').find((r) => h.partners.includes(r.from) && h.partners.includes(r.to));
    if (partnerRel) {
      h.partners = [partnerRel.from, partnerRel.to];
      h.divorced = partnerRel.role === 'divorced';
    }
    h.marriage = h.id ? (byId.get(`${h.id}--marriage`) as Event | undefined) : undefined;
  }
  const famXref = new Map(households.map((h, i) => [h, `@F${i + 1}@`]));

  const out = [
    '0 HEAD',
    '1 SOUR KINLINE',
    '2 NAME Kinline',
    '1 GEDC',
    '2 VERS 5.5.1',
    '2 FORM LINEAGE-LINKED',
    '1 CHAR UTF-8',
  ];
  const familyLinks = (id: string) =>
    households.forEach((h) => {
      if (h.partners.includes(id)) out.push(`1 FAMS ${famXref.get(h)}`);
      if (h.children.includes(id)) {
        out.push(`1 FAMC ${famXref.get(h)}`);
        const role = h.childRoles.get(id);
        if (role && PEDIGREE[role]) out.push(`2 PEDI ${PEDIGREE[role]}`);
      }
    });
  for (const person of people) {
    out.push(`0 ${xref.get(person.id)} INDI`, `1 _KID ${person.id}`);
    person.names.forEach((n, i) => {
      out.push(`1 NAME ${n.value}`);
      if (i > 0) out.push(`2 TYPE ${n.kind === 'birth' ? 'birth' : n.kind === 'married' ? 'married' : 'aka'}`);
    });
    if (withheld.has(person.id)) {
      familyLinks(person.id);
      continue;
    }
    if (person.gender) out.push(`1 SEX ${person.gender === 'male' ? 'M' : person.gender === 'female' ? 'F' : 'U'}`);
    for (const [tag, kind, date] of [
      ['BIRT', GEDCOM_EVENT_KINDS.BIRT, person.birthDate],
      ['DEAT', GEDCOM_EVENT_KINDS.DEAT, person.deathDate],
    ] as const) {
      const event = eventsOf.get(person.id)?.find((e) => e.kind === kind);
      if (!event && !date) continue;
      out.push(`1 ${tag}`, ...dateLine(2, date ?? event?.date), ...placeLines(event, 2));
    }
    // A second source's birth or death date: another BIRT/DEAT, as family trees keep them.
    for (const [tag, field, own] of [
      ['BIRT', 'birthDate', person.birthDate],
      ['DEAT', 'deathDate', person.deathDate],
    ] as const)
      for (const st of otherDates(person, field, own)) out.push(`1 ${tag}`, ...dateLine(2, st));
    if (person.occupation) out.push(`1 OCCU ${person.occupation}`);
    for (const id of person.identifiers ?? []) out.push(`1 REFN ${id.value}`, `2 TYPE ${id.scheme}`);
    familyLinks(person.id);
  }
  for (const h of households) {
    out.push(`0 ${famXref.get(h)} FAM`);
    if (h.id) out.push(`1 _KID ${h.id}`);
    const neutral = h.partners.some((p) => withheld.has(p));
    h.partners.forEach((p, i) => {
      out.push(`1 ${neutral ? '_PARTNER' : i === 0 ? 'HUSB' : 'WIFE'} ${xref.get(p)}`);
    });
    h.children.forEach((c) => {
      out.push(`1 CHIL ${xref.get(c)}`);
    });
    if (h.marriage) out.push('1 MARR', ...dateLine(2, h.marriage.date), ...placeLines(h.marriage, 2));
    if (h.divorced) out.push('1 DIV');
  }
  out.push('0 TRLR', '');
  return out.join('\n');
}
