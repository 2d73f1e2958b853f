import type { Claim, Dataset, Entity, Identifier, Relationship, Statement } from '../schema/index.js';
import type { StoredGuard } from './stored-guards.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import { type ClearanceLevel, clearanceReads } from '../vocabulary/disclosure.js';
import { disclosureOf } from './disclosure.js';
import type { TermSet } from './term-scan.js';
import { WITHHELD, type WithheldPerson, withheldTerms } from './withheld-terms.js';
import { NO_OWNERS, type Owners, ownerOf, WithheldText } from './withheld-text.js';

type Person = Extract<Entity, { type: typeof ENTITY.Person }>;

/** The ids a reader sees instead of real ones, as stored in the graph (graph/store/export.ts reads them). */
export interface StoredIdentities {
  /** Real id -> public id of every node and relationship (`publicId`). */
  publicIds: ReadonlyMap<string, string>;
  /** Person id -> the pseudonym stored for them. */
  pseudonyms: ReadonlyMap<string, string>;
  /** What records and claims (`<about>#<seq>`) need of a reader, as stored (stored-guards.ts). */
  guards?: ReadonlyMap<string, StoredGuard>;
  /**
   * Protected people the dataset does not hold (an export of a view): not exported, but their
   * names, ids, numbers and birth days are searched for in its texts all the same.
   */
  outside?: readonly Person[];
}

/** A reader, or only their clearance: whom to redact for. */
export type ReaderClearance = ClearanceLevel | { readonly clearance: ClearanceLevel };

export class MissingPublicIdError extends Error {
  constructor() {
    super(
      'a record that must be shown by its public id has none stored (publicId): nothing is exported rather than its real id',
    );
  }
}

const clearanceOf = (reader: ReaderClearance) => (typeof reader === 'string' ? reader : reader.clearance);

/** True when this reader may read this person by name. */
export const readsByName = (reader: ReaderClearance, person: Pick<Person, 'disclosure' | 'minor'>) =>
  clearanceReads(clearanceOf(reader), disclosureOf(person));

const isPerson = (e: Entity): e is Person => e.type === ENTITY.Person;

/** The string values a person's statements give for one field. */
const stated = (p: Person, field: string): string[] =>
  (p.statements ?? []).flatMap((s) => (s.field === field && typeof s.value === 'string' ? [s.value] : []));

/** An object value (a name, an identifier) with its texts scrubbed; dates, numbers and levels as they are. */
function scrubbedMembers(value: unknown, scrub: (text: string) => string): unknown {
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'value' && typeof v === 'string' ? scrub(v) : v]),
  );
}

/** Birth and death records carry the dates the Safety rules withhold. */
const IDENTIFYING_EVENTS = new Set(['birth', 'death']);
/** Fields that are not free text: dates, levels and enums are never rewritten. */
const NOT_TEXT = new Set([
  'id',
  'type',
  'kind',
  'date',
  'birthDate',
  'deathDate',
  'language',
  'sha256',
  'reliability',
  'disclosure',
  'gender',
]);
const URL_FIELDS = new Set(['url', 'archiveUrl']);

export interface Redaction {
  dataset: Dataset;
  /** The ids the withheld people carry in `dataset` (their public ids). */
  withheld: ReadonlySet<string>;
}

/**
 * A dataset as this reader may see it (graph/README.md, Safety): exactly the people the reader
 * may not read by name are withheld. See `Redactor` for what that takes.
 */
export function redactDataset(dataset: Dataset, reader: ReaderClearance, stored: StoredIdentities): Dataset {
  return redactForReader(dataset, reader, stored).dataset;
}

export function redactForReader(dataset: Dataset, reader: ReaderClearance, stored: StoredIdentities): Redaction {
  const people = dataset.entities.filter(isPerson);
  const withheld = people.filter((p) => !readsByName(reader, p));
  const inside = new Set(people.map((p) => p.id));
  const outside = (stored.outside ?? []).filter((p) => !inside.has(p.id) && !readsByName(reader, p));
  if (withheld.length === 0 && outside.length === 0) return { dataset, withheld: new Set() };
  return new Redactor(dataset, people, new Set(withheld.map((p) => p.id)), outside, stored).run();
}

/**
 * A withheld person keeps only their public id, pseudonym, protection, citizenships and ethnicity:
 * no name, birth or death date, birthplace, identity number, description, gender or occupation.
 * Around them: a relationship that touches them is shown by its public id, without its date (a
 * PARENT_OF date is a birth date) or its relation in words (gendered: "aunt"), and its claims'
 * excerpts, translations, notes and dates are withheld. Their birth and death events lose their
 * date, their place (OCCURRED_AT) and their claims' excerpts. Every other text is scrubbed of
 * their names, ids, identity numbers and birth and death days (withheld-terms.ts); a claim whose
 * text names them has its excerpt withheld; a URL that names them is left out; an id that names
 * them gives way to that record's own public id.
 *
 * Namesakes: a record belongs to the people it is directly linked to (a person's own record, an
 * event they take part in, a source they authored), and a name of its readable bearers is never
 * rewritten in it, even where a withheld person bears the same name; where a withheld person is
 * linked to it too, protection wins.
 */
class Redactor {
  private readonly text: WithheldText;
  private readonly linked = new Map<string, string[]>();
  private readonly owners = new Map<string, TermSet<true>>();
  private readonly entityIds = new Map<string, string>();
  private readonly identifying = new Set<string>();
  private readonly readable: Map<string, Person>;

  constructor(
    private readonly dataset: Dataset,
    people: Person[],
    private readonly withheld: ReadonlySet<string>,
    outside: readonly Person[],
    private readonly stored: StoredIdentities,
  ) {
    this.readable = new Map(people.filter((p) => !withheld.has(p.id)).map((p) => [p.id, p]));
    const kinds = new Map(dataset.entities.map((e) => [e.id, e.type === ENTITY.Event ? e.kind : undefined]));
    for (const rel of dataset.relationships) {
      for (const [person, other] of [
        [rel.from, rel.to],
        [rel.to, rel.from],
      ] as const) {
        if (!withheld.has(person) && !this.readable.has(person)) continue;
        const list = this.linked.get(other);
        if (list) list.push(person);
        else this.linked.set(other, [person]);
      }
      if (rel.type === 'PARTICIPATED_IN' && withheld.has(rel.from) && IDENTIFYING_EVENTS.has(kinds.get(rel.to) ?? ''))
        this.identifying.add(rel.to);
    }
    this.text = new WithheldText(
      withheldTerms([...people.filter((p) => withheld.has(p.id)), ...outside].map((p) => this.asWithheld(p))),
      [...this.readable.values()].flatMap((p) => p.names.map((n) => n.value)),
    );
  }

  private publicId(id: string): string {
    const value = this.stored.publicIds.get(id);
    if (!value) throw new MissingPublicIdError();
    return value;
  }

  private asWithheld(p: Person): WithheldPerson {
    const publicId = this.publicId(p.id);
    return {
      id: p.id,
      publicId,
      pseudonym: p.pseudonym ?? this.stored.pseudonyms.get(p.id) ?? `Protected person ${publicId}`,
      names: p.names.filter((n) => n.kind !== 'pseudonym').map((n) => n.value),
      // Every value a source gives for them is theirs too: a second source's birth year, a case number.
      identityNumbers: [
        ...(p.identityNumbers ?? []),
        ...(p.identifiers ?? []).map((i) => i.value),
        ...stated(p, 'identityNumbers'),
      ],
      dates: [p.birthDate, p.deathDate, ...stated(p, 'birthDate'), ...stated(p, 'deathDate')].filter(
        (d): d is string => d !== undefined,
      ),
    };
  }

  private ownerSet(id: string) {
    let set = this.owners.get(id);
    if (!set) {
      set = ownerOf(this.readable.get(id)!.names.map((n) => n.value));
      this.owners.set(id, set);
    }
    return set;
  }

  /** Whether a withheld person is linked to this record, and its readable bearers otherwise. */
  private bearers(ids: readonly string[]): { touching: boolean; owners: Owners } {
    if (ids.some((id) => this.withheld.has(id))) return { touching: true, owners: NO_OWNERS };
    return {
      touching: false,
      owners: () => ids.filter((id) => this.readable.has(id)).map((id) => this.ownerSet(id)),
    };
  }

  private bearersOfEntity(e: Entity) {
    return this.bearers(isPerson(e) ? [e.id] : (this.linked.get(e.id) ?? []));
  }

  private idOf(id: string, owners: Owners): string {
    return this.text.mentions(id, owners) ? this.publicId(id) : id;
  }

  private entityRef = (id: string): string => this.entityIds.get(id) ?? this.idOf(id, NO_OWNERS);

  run(): Redaction {
    for (const e of this.dataset.entities) {
      const hidden = this.withheld.has(e.id) || this.identifying.has(e.id);
      this.entityIds.set(e.id, hidden ? this.publicId(e.id) : this.idOf(e.id, this.bearersOfEntity(e).owners));
    }
    const entities = this.dataset.entities.map((e) =>
      this.withheld.has(e.id) && isPerson(e) ? this.withheldRecord(e) : this.entity(e),
    );
    const relationships = this.dataset.relationships.flatMap((r) =>
      r.type === 'OCCURRED_AT' && this.identifying.has(r.from) ? [] : [this.relationship(r)],
    );
    const title = this.dataset.title;
    return {
      dataset: {
        ...this.dataset,
        ...(title ? { title: this.text.scrub(title) } : {}),
        entities,
        relationships,
      },
      withheld: new Set([...this.withheld].map((id) => this.entityIds.get(id)!)),
    };
  }

  private withheldRecord(p: Person): Person {
    const { pseudonym } = this.asWithheld(p);
    const record: Person = {
      type: p.type,
      id: this.entityIds.get(p.id)!,
      names: [{ value: pseudonym, kind: 'pseudonym' }],
      pseudonym,
    };
    if (p.disclosure) record.disclosure = p.disclosure;
    if (p.minor) record.minor = p.minor;
    if (p.citizenships) record.citizenships = p.citizenships;
    if (p.ethnicity) record.ethnicity = p.ethnicity;
    if (p.synthetic) record.synthetic = p.synthetic;
    return record;
  }

  private entity(e: Entity): Entity {
    const { owners } = this.bearersOfEntity(e);
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(e)) {
      if (key === 'id') out.id = this.entityIds.get(e.id);
      else if (key === 'names') out.names = e.names.map((n) => ({ ...n, value: this.text.scrub(n.value, owners) }));
      // An event's claims are about the event: withheld where they name a withheld person, or
      // where the event is a withheld person's birth or death.
      else if (key === 'claims') out.claims = this.claims(value as Claim[], this.identifying.has(e.id), owners);
      else if (key === 'birthPlace') out.birthPlace = this.entityRef(value as string);
      else if (key === 'identifiers')
        out.identifiers = (value as Identifier[]).map((i) => ({ ...i, value: this.text.scrub(i.value, owners) }));
      else if (key === 'statements') out.statements = this.statements(value as Statement[], owners);
      else if (URL_FIELDS.has(key)) {
        if (!this.text.urlMentions(value as string, owners)) out[key] = value;
      } else if (NOT_TEXT.has(key)) out[key] = value;
      else if (typeof value === 'string') out[key] = this.text.scrub(value, owners);
      else if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        out[key] = value.map((v: string) => this.text.scrub(v, owners));
      else out[key] = value;
    }
    if (this.identifying.has(e.id)) {
      delete out.date;
      delete out.dateAsWritten;
    }
    return out as Entity;
  }

  private relationship(rel: Relationship): Relationship {
    const { touching, owners } = this.bearers([rel.from, rel.to]);
    const out: Relationship = {
      ...rel,
      id: touching ? this.publicId(rel.id) : this.idOf(rel.id, owners),
      from: this.entityRef(rel.from),
      to: this.entityRef(rel.to),
      claims: this.claims(rel.claims, touching, owners),
    };
    if (touching) {
      delete out.date;
      delete out.relation;
    } else if (rel.relation) out.relation = this.text.scrub(rel.relation, owners);
    return out;
  }

  /** A readable record's statements: values are scrubbed as its fields are, claims as fact claims. */
  private statements(statements: readonly Statement[], owners: Owners): Statement[] {
    return statements.map((st) => {
      const value =
        st.field === 'birthPlace' && typeof st.value === 'string'
          ? this.entityRef(st.value)
          : NOT_TEXT.has(st.field) || typeof st.value !== 'string'
            ? scrubbedMembers(st.value, (text) => this.text.scrub(text, owners))
            : this.text.scrub(st.value, owners);
      return { ...st, value: value as Statement['value'], claims: this.claims(st.claims, false, owners) };
    });
  }

  /** Claims of a fact that touches a withheld person, or that name one, keep only their source and locator. */
  private claims(claims: readonly Claim[], touching: boolean, owners: Owners): Claim[] {
    return claims.map((c) => {
      const source = this.entityRef(c.source);
      const texts = [c.excerpt, c.translation, c.note, c.locator, c.dateAsWritten];
      if (!touching && !texts.some((t) => this.text.mentions(t, owners))) return { ...c, source };
      const out: Claim = {
        source,
        locator: this.text.mentions(c.locator, owners) ? WITHHELD : c.locator,
        excerpt: WITHHELD,
        confidence: c.confidence,
      };
      if (c.translation) out.translation = WITHHELD;
      if (c.note) out.note = WITHHELD;
      if (c.date && !touching) out.date = c.date;
      return out;
    });
  }
}
