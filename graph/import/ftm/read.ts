import type { DatasetInput } from '../../schema/index.js';
import { edtfProblem } from '../../dates/edtf.js';
import { DatasetBuilder } from '../builder.js';
import { ENTITY, FTM, FTM_LINK_SCHEMATA } from '../../vocabulary/index.js';
import { entityTypeOfFtm, FAMILY_CATCH_ALL, familyLinkOf, keywordsOf } from './vocabulary.js';
import { READERS, type Reader } from './readers.js';
import { fileStem, joinId, slug } from '../ids.js';
import { decode, DecodeError } from '../text.js';
import type { ParsedFile, Position } from '../types.js';
import { DEFAULT_CONFIDENCE } from '../../vocabulary/confidence.js';

interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}
type Claim = DatasetInput['relationships'][number]['claims'][number];

/** Kinline ids are lowercase slugs; FtM ids are free text (often hashes): map them stably. */
export function kinlineId(ftmId: string): string {
  return /^[a-z0-9][a-z0-9._:-]*$/.test(ftmId) && ftmId.length <= 120 ? ftmId : joinId(`ftm-${slug(ftmId, 100)}`);
}

class FtmImport {
  readonly out: DatasetBuilder;
  readonly sourceId: string;
  readonly byId = new Map<string, { entity: FtmEntity; line: number; text: string }>();

  constructor(readonly file: string) {
    this.out = new DatasetBuilder(file, 'ftm');
    this.sourceId = `ftm-${fileStem(file)}`;
  }

  claim(line: number, text: string): Claim {
    return {
      source: this.sourceId,
      locator: `line ${line}`,
      excerpt: text.length > 4000 ? `${text.slice(0, 3996)} ...` : text,
      confidence: DEFAULT_CONFIDENCE,
    };
  }

  /** An EDTF date from the kinline keyword if any, else the FtM ISO date (start/end as an interval). */
  date(p: Record<string, string[]>, keywords: Map<string, string>, key: string, at: Position): string | undefined {
    const fromKeyword = keywords.get(key);
    let value = fromKeyword ?? p[key]?.[0];
    if (!fromKeyword && key === 'date' && !value && (p.startDate?.[0] || p.endDate?.[0])) {
      value = `${p.startDate?.[0] ?? '..'}/${p.endDate?.[0] ?? '..'}`;
    }
    if (value === undefined) return undefined;
    value = value.replace(/T.*$/, '');
    const problem = edtfProblem(value);
    if (problem) {
      this.out.parsed.problems.push({
        file: this.file,
        path: `properties.${key}`,
        line: at.line,
        column: 1,
        message: `${key}: ${problem}`,
      });
      return undefined;
    }
    return value;
  }

  entity(e: FtmEntity, line: number, text: string): void {
    const p = e.properties;
    const kw = keywordsOf(p.keywords);
    const at: Position = { file: this.file, line, column: 1 };
    const names = [
      ...(p.name ?? []).map((value, i) => ({ value, kind: i === 0 ? 'primary' : 'alias' })),
      ...(p.alias ?? []).map((value) => ({ value, kind: 'alias' })),
      ...(p.weakAlias ?? []).map((value) => ({ value, kind: 'alias' })),
      ...(p.previousName ?? []).map((value) => ({ value, kind: 'birth' })),
    ]
      .filter((n) => n.value.trim())
      .map((n) => ({ value: n.value.trim().slice(0, 400), kind: n.kind as 'primary' }));
    if (e.schema === FTM.Person && names.length === 0 && (p.firstName || p.lastName))
      names.push({ value: [p.firstName?.[0], p.lastName?.[0]].filter(Boolean).join(' '), kind: 'primary' });
    const label = names[0] ?? { value: p.full?.[0] ?? p.title?.[0] ?? e.id, kind: 'primary' as const };
    if (names.length === 0) names.push({ ...label, value: label.value.slice(0, 400) });
    const id = kinlineId(e.id);
    const description = (p.description ?? p.summary ?? p.notes)?.[0]?.slice(0, 4000);
    const identifiers = kw.has('identifiers') ? JSON.parse(kw.get('identifiers')!) : undefined;
    const common = { id, names, ...(description ? { description } : {}), ...(identifiers ? { identifiers } : {}) };
    const type = entityTypeOfFtm(e.schema, kw);
    if (!type) return;
    const read = READERS[type] as Reader | undefined;
    const own = read ? read({ run: this, e, p, kw, at, line, text, id, names }) : {};
    this.out.addEntity({ type, ...common, ...own } as never, at);
    if (type === ENTITY.Event) {
      for (const who of p.involved ?? [])
        this.link('PARTICIPATED_IN', `${id}--involved--${kinlineId(who)}`, who, e.id, 'subject', line, text);
      for (const who of p.organizer ?? [])
        this.link('PARTICIPATED_IN', `${id}--organizer--${kinlineId(who)}`, who, e.id, 'organiser', line, text);
      for (const where of p.addressEntity ?? [])
        this.link('OCCURRED_AT', `${id}--at--${kinlineId(where)}`, e.id, where, undefined, line, text);
    }
  }

  link(
    type: string,
    id: string,
    from: string,
    to: string,
    role: string | undefined,
    line: number,
    text: string,
    extra: Record<string, string | undefined> = {},
  ): void {
    const defined = Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined));
    this.out.addRelationship(
      {
        id: joinId(id),
        type: type as never,
        from: kinlineId(from),
        to: kinlineId(to),
        ...(role ? { role } : {}),
        ...defined,
        claims: [this.claim(line, text)],
      },
      { file: this.file, line, column: 1 },
    );
  }

  /** Interval schemata: Family, Membership, Employment, Directorship, Occupancy, UnknownLink, Passport. */
  interval(e: FtmEntity, line: number, text: string): void {
    const p = e.properties;
    const kw = keywordsOf(p.keywords);
    const first = (key: string) => p[key]?.[0];
    const id = kinlineId(e.id);
    const date = this.date(p, kw, 'date', { file: this.file, line });
    const extra: Record<string, string> = date ? { date } : {};
    if (e.schema === FTM.Family) {
      const person = first('person'),
        relative = first('relative');
      if (!person || !relative) return;
      const word = (first('relationship') ?? '').toLowerCase().trim();
      const role = kw.get('role');
      const known = familyLinkOf(word);
      if (known) {
        const [from, to] = known.personFirst ? [person, relative] : [relative, person];
        this.link(known.type, id, from, to, role ?? undefined, line, text, extra);
      } else
        this.link(FAMILY_CATCH_ALL, id, relative, person, undefined, line, text, {
          ...extra,
          ...(word ? { relation: word } : {}),
        });
    } else if (e.schema === FTM.Membership || e.schema === FTM.Employment || e.schema === FTM.Directorship) {
      const [who, org] =
        e.schema === FTM.Membership
          ? [first('member'), first('organization')]
          : e.schema === FTM.Employment
            ? [first('employee'), first('employer')]
            : [first('director'), first('organization')];
      if (!who || !org) return;
      const target = this.byId.get(org);
      const isFamily = target && keywordsOf(target.entity.properties.keywords).get('type') === ENTITY.Family;
      const role =
        first('role') ??
        (e.schema === FTM.Employment ? 'employee' : e.schema === FTM.Directorship ? 'director' : 'member');
      this.link(isFamily ? 'MEMBER_OF' : 'AFFILIATED_WITH', id, who, org, role, line, text, extra);
    } else if (e.schema === FTM.Occupancy) {
      const holder = first('holder'),
        post = first('post');
      const org = post ? this.byId.get(post)?.entity.properties.organization?.[0] : undefined;
      if (holder && org) this.link('AFFILIATED_WITH', id, holder, org, 'member', line, text, extra);
    } else if (e.schema === FTM.UnknownLink) {
      const [type, role] = (first('role') ?? '').split(':');
      if (type && first('subject') && first('object'))
        this.link(type, id, first('subject')!, first('object')!, role || undefined, line, text, {
          ...extra,
          ...(kw.has('relation') ? { relation: kw.get('relation')! } : {}),
        });
    }
  }
}

const INTERVALS = new Set<string>(FTM_LINK_SCHEMATA);

/** FollowTheMoney entities, one JSON object per line (the `ftm` tools' and OpenSanctions' form). */
export function parseFtm(bytes: Uint8Array, file: string): ParsedFile {
  const run = new FtmImport(file);
  const parsed = run.out.parsed;
  let text: string;
  try {
    text = decode(bytes, 'utf-8', file);
  } catch (error) {
    if (error instanceof DecodeError) {
      parsed.problems.push(error.problem);
      return parsed;
    }
    throw error;
  }
  const rows: { entity: FtmEntity; line: number; text: string }[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    if (!raw.trim()) return;
    let value: FtmEntity;
    try {
      value = JSON.parse(raw) as FtmEntity;
    } catch (error) {
      parsed.problems.push({
        file,
        path: `line ${i + 1}`,
        line: i + 1,
        column: 1,
        message: `not JSON: ${(error as Error).message}`,
      });
      return;
    }
    if (typeof value?.id !== 'string' || typeof value.schema !== 'string' || typeof value.properties !== 'object') {
      parsed.problems.push({
        file,
        path: `line ${i + 1}`,
        line: i + 1,
        column: 1,
        message: 'not an FtM entity: needs "id", "schema" and "properties"',
      });
      return;
    }
    rows.push({ entity: value, line: i + 1, text: raw.trim() });
  });
  parsed.records = rows.length;
  for (const row of rows) run.byId.set(row.entity.id, row);
  run.out.addEntity(
    {
      type: ENTITY.Source,
      id: run.sourceId,
      kind: 'dataset',
      names: [{ value: `FollowTheMoney file ${file.split(/[\\/]/).pop()}`, kind: 'primary' }],
    },
    { file, line: 1 },
  );
  for (const row of rows) if (!INTERVALS.has(row.entity.schema)) run.entity(row.entity, row.line, row.text);
  for (const row of rows) if (INTERVALS.has(row.entity.schema)) run.interval(row.entity, row.line, row.text);
  for (const row of rows) {
    if (row.entity.schema !== FTM.Passport && row.entity.schema !== FTM.Identification) continue;
    const holder = row.entity.properties.holder?.[0];
    const number = row.entity.properties.number?.[0] ?? row.entity.properties.passportNumber?.[0];
    if (holder && number)
      parsed.additions.push({
        person: kinlineId(holder),
        identityNumbers: [number],
        missing: 'reject',
        position: { file, line: row.line, column: 1 },
      });
  }
  return parsed;
}
