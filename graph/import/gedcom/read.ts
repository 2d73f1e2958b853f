import { lastNamedDay, parseEdtf } from '../../dates/edtf.js';
import type { DatasetInput } from '../../schema/index.js';
import { DatasetBuilder } from '../builder.js';
import { gedcomDateToEdtf } from './dates.js';
import { blockText, child, childrenOf, decodeGedcom, parseGedcomLines, type GedcomNode } from './lines.js';
import { fileStem, joinId, slug } from '../ids.js';
import { DecodeError } from '../text.js';
import type { ParsedFile, Position } from '../types.js';
import { ENTITY, entityLabel } from '../../vocabulary/entity-types.js';
import { GEDCOM_EVENT_KINDS } from '../../vocabulary/event-kinds.js';
import { DEFAULT_CONFIDENCE } from '../../vocabulary/confidence.js';

type Claim = DatasetInput['relationships'][number]['claims'][number];

/** "John Fitzgerald /Kennedy/ Jr." -> "John Fitzgerald Kennedy Jr."; placeholder surnames ("/(-----)/") dropped. */
export function gedcomName(value: string): string {
  return (
    value
      .replace(/\/([^/]*)\/?/g, (_, surname: string) => (/\p{L}/u.test(surname) ? ` ${surname} ` : ' '))
      // PAF writes a space inside a name part as "_" ("Edward_VII", "of_Hesse").
      .replace(/_/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const EVENT_TAGS = GEDCOM_EVENT_KINDS;
const PEDIGREE: Record<string, 'biological' | 'adoptive' | 'foster'> = {
  BIRTH: 'biological',
  ADOPTED: 'adoptive',
  FOSTER: 'foster',
};

/**
 * Minors are pseudonymous by default (graph/README.md, Safety; graph/import/README.md, GEDCOM): born within the last 18 years, or
 * born after 2008 with no death recorded.
 */
export function isMinorByBirth(birthDate: string | undefined, hasDeath: boolean, today = new Date()): boolean {
  if (!birthDate) return false;
  const bounds = parseEdtf(birthDate);
  const adultCutoff = new Date(today);
  adultCutoff.setFullYear(today.getFullYear() - 18);
  const born = bounds.startEarliest ?? bounds.startLatest;
  // "AFT 1928" has no latest birth day: like an undated birth, it marks a minor only when even
  // its earliest day is one.
  return (
    born > adultCutoff.toISOString().slice(0, 10) || (!hasDeath && Number(lastNamedDay(bounds).slice(0, 4)) > 2008)
  );
}

class GedcomImport {
  readonly out: DatasetBuilder;
  readonly prefix: string;
  readonly sourceId: string;
  private readonly personIds = new Map<string, string>();
  private readonly familyIds = new Map<string, string>();
  private readonly byXref = new Map<string, GedcomNode>();

  constructor(
    readonly file: string,
    records: GedcomNode[],
  ) {
    this.out = new DatasetBuilder(file, 'gedcom');
    this.prefix = `ged-${fileStem(file)}`;
    this.sourceId = this.prefix;
    // A `_KID` tag (written by Kinline's GEDCOM export) carries the id the record had in Kinline.
    for (const r of records) {
      if (r.xref) this.byXref.set(r.xref, r);
      const own = child(r, '_KID')?.value.trim();
      const local = slug(r.xref ?? '', 40);
      if (r.tag === 'INDI' && r.xref) this.personIds.set(r.xref, own || `${this.prefix}-${local}`);
      if (r.tag === 'FAM' && r.xref) this.familyIds.set(r.xref, own || `${this.prefix}-${local}`);
    }
  }

  private get parsed(): ParsedFile {
    return this.out.parsed;
  }

  private problem(node: GedcomNode, message: string, warning = false): void {
    const problem = {
      file: this.file,
      path: `line ${node.line} ${node.tag}`,
      line: node.line,
      column: node.valueColumn,
      message,
    };
    (warning ? this.parsed.warnings : this.parsed.problems).push(problem);
  }

  private claim(node: GedcomNode, note?: string): Claim {
    return {
      source: this.sourceId,
      locator: `line ${node.line}`,
      excerpt: blockText(node),
      confidence: DEFAULT_CONFIDENCE,
      ...(note ? { note } : {}),
    };
  }

  private at(node: GedcomNode, fields?: Position['fields']): Position {
    return { file: this.file, line: node.line, column: 1, ...(fields ? { fields } : {}) };
  }

  /** The EDTF date of an event node, or undefined (with a problem or warning recorded). */
  private dateOf(event: GedcomNode): { date?: string; note?: string; node?: GedcomNode } {
    const dateNode = child(event, 'DATE');
    if (!dateNode?.value.trim()) return {};
    const result = gedcomDateToEdtf(dateNode.value);
    if (result.ok) return { date: result.edtf, node: dateNode };
    // An incomplete date ("10 JAN": no year) is kept as text in the claim, not rejected.
    this.problem(dateNode, result.message, result.incomplete);
    return { note: `date as written: "${dateNode.value.trim()}"`, node: dateNode };
  }

  private place(event: GedcomNode): string | undefined {
    const plac = child(event, 'PLAC');
    const name = plac?.value
      .replace(/(\s*,\s*)+/g, ', ')
      .replace(/^, |, $/g, '')
      .trim();
    if (!plac || !name) return undefined;
    const id = child(plac, '_KID')?.value.trim() || joinId(`${this.prefix}-place`, slug(name, 90));
    this.out.addEntity(
      { type: ENTITY.Place, id, kind: 'other', names: [{ value: name.slice(0, 400), kind: 'primary' }] },
      this.at(plac),
    );
    return id;
  }

  private event(owner: string, node: GedcomNode, title: string, participants: string[]): void {
    const kind = EVENT_TAGS[node.tag as keyof typeof EVENT_TAGS];
    const { date, note } = this.dateOf(node);
    const placeId = this.place(node);
    const id = joinId(owner, kind);
    this.out.addEntity(
      {
        type: ENTITY.Event,
        id,
        kind,
        names: [{ value: `${title}`.slice(0, 400), kind: 'primary' }],
        ...(date ? { date } : {}),
        claims: [this.claim(node, note)],
      },
      this.at(node),
    );
    for (const person of participants) {
      this.out.addRelationship(
        {
          id: joinId(person, 'in', id),
          type: 'PARTICIPATED_IN',
          from: person,
          to: id,
          role: 'subject',
          claims: [this.claim(node)],
        },
        this.at(node),
      );
    }
    if (placeId)
      this.out.addRelationship(
        { id: joinId(id, 'at'), type: 'OCCURRED_AT', from: id, to: placeId, claims: [this.claim(node)] },
        this.at(node),
      );
  }

  person(record: GedcomNode): void {
    const id = this.personIds.get(record.xref!)!;
    const names = childrenOf(record, 'NAME')
      .map((n, i) => {
        const type = child(n, 'TYPE')?.value.trim().toLowerCase();
        const kind = i === 0 ? 'primary' : type === 'birth' ? 'birth' : type === 'married' ? 'married' : 'alias';
        return { value: gedcomName(n.value).slice(0, 400), kind } as const;
      })
      .filter((n) => n.value);
    if (names.length === 0) names.push({ value: `Unnamed ${record.xref!.replace(/@/g, '')}`, kind: 'primary' });
    const sex = child(record, 'SEX')?.value.trim().toUpperCase();
    const birth = child(record, 'BIRT');
    const death = child(record, 'DEAT');
    const birthDate = birth ? this.peekDate(birth) : undefined;
    const deathDate = death ? this.peekDate(death) : undefined;
    const occupation = child(record, 'OCCU')?.value.trim();
    const fields: Position['fields'] = {};
    if (birth) fields.birthDate = { line: child(birth, 'DATE')?.line ?? birth.line };
    if (death) fields.deathDate = { line: child(death, 'DATE')?.line ?? death.line };
    const birthPlace = birth ? this.place(birth) : undefined;
    const statements = [
      ...this.dateStatements('birthDate', childrenOf(record, 'BIRT')),
      ...this.dateStatements('deathDate', childrenOf(record, 'DEAT')),
    ];
    // REFN with its TYPE: a register's number for the person (Kinline's export writes identifiers so).
    const identifiers = childrenOf(record, 'REFN')
      .map((n) => ({ scheme: slug(child(n, 'TYPE')?.value.trim() || 'refn', 60) || 'refn', value: n.value.trim() }))
      .filter((i) => i.value)
      .slice(0, 50);
    this.out.addEntity(
      {
        type: ENTITY.Person,
        id,
        names,
        ...(sex === 'M'
          ? { gender: 'male' }
          : sex === 'F'
            ? { gender: 'female' }
            : sex === 'U'
              ? { gender: 'unknown' }
              : {}),
        ...(birthDate ? { birthDate } : {}),
        ...(birthPlace ? { birthPlace } : {}),
        ...(deathDate ? { deathDate } : {}),
        ...(occupation ? { occupation: occupation.slice(0, 400) } : {}),
        ...(isMinorByBirth(birthDate, Boolean(death)) ? { minor: true } : {}),
        ...(identifiers.length ? { identifiers } : {}),
        ...(statements.length ? { statements } : {}),
      },
      this.at(record, fields),
    );
    const label = names[0]!.value;
    if (birth) this.event(id, birth, `Birth of ${label}`, [id]);
    if (death) this.event(id, death, `Death of ${label}`, [id]);
  }

  /**
   * A person given two BIRT (or DEAT) structures with different dates, as family trees merged
   * from two sources often are: each date a statement citing its lines, the first one preferred
   * (it is the record's own field). One date, or one repeated, needs no statements.
   */
  private dateStatements(field: 'birthDate' | 'deathDate', nodes: GedcomNode[]) {
    const dated = nodes.flatMap((node) => {
      const value = this.peekDate(node);
      return value ? [{ node, value }] : [];
    });
    if (new Set(dated.map((d) => d.value)).size < 2) return [];
    return dated.map(({ node, value }) => ({
      field,
      value,
      ...(node === nodes[0] ? { rank: 'preferred' as const } : {}),
      claims: [this.claim(node)],
    }));
  }

  /** Dates on the Person itself; problems are reported once, by the event. */
  private peekDate(event: GedcomNode): string | undefined {
    const node = child(event, 'DATE');
    if (!node) return undefined;
    const result = gedcomDateToEdtf(node.value);
    return result.ok ? result.edtf : undefined;
  }

  private ref(node: GedcomNode, ids: Map<string, string>, what: string): string | undefined {
    const id = ids.get(node.value.trim());
    if (!id)
      this.problem(
        node,
        `${node.tag} points at ${node.value.trim() || 'nothing'}, which is no ${what} record in this file`,
      );
    return id;
  }

  family(record: GedcomNode): void {
    const id = this.familyIds.get(record.xref!)!;
    // `_PARTNER`: Kinline's export lists a withheld person's partnership without HUSB/WIFE (sex).
    const partners = [...childrenOf(record, 'HUSB'), ...childrenOf(record, 'WIFE'), ...childrenOf(record, '_PARTNER')]
      .map((node) => ({ node, person: this.ref(node, this.personIds, 'INDI') }))
      .filter((p): p is { node: GedcomNode; person: string } => Boolean(p.person));
    const children = childrenOf(record, 'CHIL')
      .map((node) => ({ node, person: this.ref(node, this.personIds, 'INDI') }))
      .filter((p): p is { node: GedcomNode; person: string } => Boolean(p.person));
    const nameOf = (person: string) => {
      const e = this.out.entity(person);
      return e ? e.names[0]!.value : person;
    };
    const title = partners.length
      ? `${entityLabel(ENTITY.Family)} of ${partners.map((p) => nameOf(p.person)).join(' and ')}`
      : `${entityLabel(ENTITY.Family)} ${record.xref!.replace(/@/g, '')}`;
    this.out.addEntity(
      { type: ENTITY.Family, id, names: [{ value: title.slice(0, 400), kind: 'primary' }] },
      this.at(record),
    );
    for (const p of partners) {
      this.out.addRelationship(
        {
          id: joinId(p.person, 'member-of', id),
          type: 'MEMBER_OF',
          from: p.person,
          to: id,
          role: children.length ? 'parent' : 'partner',
          claims: [this.claim(p.node)],
        },
        this.at(p.node),
      );
    }
    for (const c of children) {
      this.out.addRelationship(
        {
          id: joinId(c.person, 'member-of', id),
          type: 'MEMBER_OF',
          from: c.person,
          to: id,
          role: 'child',
          claims: [this.claim(c.node)],
        },
        this.at(c.node),
      );
      const pedigree = this.pedigreeOf(c.node, record.xref!);
      for (const p of partners) {
        this.out.addRelationship(
          {
            id: joinId(p.person, 'parent-of', c.person),
            type: 'PARENT_OF',
            from: p.person,
            to: c.person,
            ...(pedigree ? { role: pedigree } : {}),
            claims: [this.claim(c.node)],
          },
          this.at(c.node),
        );
      }
    }
    if (partners.length === 2) {
      const [a, b] = partners as [{ node: GedcomNode; person: string }, { node: GedcomNode; person: string }];
      const role = child(record, 'DIV') ? 'divorced' : child(record, 'MARR') ? 'married' : undefined;
      this.out.addRelationship(
        {
          id: joinId(a.person, 'partner-of', b.person),
          type: 'PARTNER_OF',
          from: a.person,
          to: b.person,
          ...(role ? { role } : {}),
          claims: [this.claim(b.node)],
        },
        this.at(b.node),
      );
    }
    const marriage = child(record, 'MARR');
    if (marriage)
      this.event(
        id,
        marriage,
        `Marriage: ${title.replace(/^Family of /, '')}`,
        partners.map((p) => p.person),
      );
  }

  /** PEDI under the child's FAMC pointing at this family: birth, adopted, foster. */
  private pedigreeOf(chil: GedcomNode, familyXref: string) {
    const indi = this.byXref.get(chil.value.trim());
    const famc = indi ? childrenOf(indi, 'FAMC').find((f) => f.value.trim() === familyXref) : undefined;
    const pedi = famc ? child(famc, 'PEDI')?.value.trim().toUpperCase() : undefined;
    return pedi ? PEDIGREE[pedi] : undefined;
  }
}

/** Reads a GEDCOM 5.5.1 file (UTF-8, ANSEL or Latin-1, per its `1 CHAR` line) into a Dataset. */
export function parseGedcom(bytes: Uint8Array, file: string): ParsedFile {
  let text: string;
  try {
    text = decodeGedcom(bytes, file);
  } catch (error) {
    if (!(error instanceof DecodeError)) throw error;
    const failed = new DatasetBuilder(file, 'gedcom').parsed;
    failed.problems.push(error.problem);
    return failed;
  }
  const { records, problems, lines } = parseGedcomLines(text, file);
  const run = new GedcomImport(file, records);
  run.out.parsed.problems.push(...problems);
  run.out.parsed.records = lines;
  const head = records.find((r) => r.tag === 'HEAD');
  const title = head && child(head, 'FILE')?.value.trim();
  const base = file.split(/[\\/]/).pop() ?? file;
  run.out.addEntity(
    {
      type: ENTITY.Source,
      id: run.sourceId,
      kind: 'dataset',
      names: [{ value: `GEDCOM file ${base}${title && title !== base ? ` (${title})` : ''}`, kind: 'primary' }],
    },
    { file, line: head?.line ?? 1 },
  );
  const people = records.filter((r) => r.tag === 'INDI' && r.xref);
  people.forEach((r) => {
    run.person(r);
  });
  records
    .filter((r) => r.tag === 'FAM' && r.xref)
    .forEach((r) => {
      run.family(r);
    });
  return run.out.parsed;
}
