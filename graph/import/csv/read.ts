import { parse } from 'csv-parse/sync';
import { edtfProblem } from '../../dates/edtf.js';
import { DatasetBuilder } from '../builder.js';
import { slug } from '../ids.js';
import {
  MappingError,
  PLACEHOLDER,
  placeholders,
  readMapping,
  templatesOf,
  type LoadedMapping,
  type Mapping,
} from '../mapping.js';
import { decode, DecodeError, detectEncoding } from '../text.js';
import type { ParsedFile, Position, Problem } from '../types.js';
import { restoreFormula } from './formulas.js';
import { ENTITY } from '../../vocabulary/entity-types.js';

export { readMapping };

const BUILTINS = new Set(['row', 'line', 'rowText', 'file']);

/** Thrown inside a row when a value cannot be made (an unreadable date): becomes one problem. */
class CellError extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

const pad2 = (text: string) => text.padStart(2, '0');

/** One row's evaluation context: columns, derived values (memoised) and templates. */
class Row {
  private readonly memo = new Map<string, string | undefined>();
  /** The text of each date value before its rule rewrote it: what the source wrote. */
  private readonly written = new Map<string, string>();
  readonly used = new Set<string>();

  constructor(
    private readonly compiled: CompiledMapping,
    readonly cells: Map<string, string>,
    readonly builtins: Record<string, string>,
  ) {}

  value(name: string): string | undefined {
    if (this.memo.has(name)) return this.memo.get(name);
    this.memo.set(name, undefined);
    const result = this.compute(name);
    this.memo.set(name, result);
    return result;
  }

  private compute(name: string): string | undefined {
    if (name in this.builtins) return this.builtins[name];
    const spec = this.compiled.mapping.values[name];
    if (!spec) {
      this.used.add(name);
      const cell = this.cells.get(name)?.trim();
      return cell ? cell : undefined;
    }
    let text: string | undefined;
    if (spec.column) {
      this.used.add(spec.column);
      text = this.cells.get(spec.column)?.trim() || undefined;
      if (text && spec.empty?.some((e) => e.toLowerCase() === text!.toLowerCase())) text = undefined;
      if (text && spec.pattern) {
        const m = this.compiled.regex(spec.pattern).exec(text);
        text = m ? (spec.template ? expandGroups(spec.template, m) : m[0]) : undefined;
      } else if (text && spec.template) text = this.render(spec.template);
    } else if (spec.template) text = this.render(spec.template);
    text = text?.trim() || undefined;
    if (text && spec.empty?.some((e) => e.toLowerCase() === text!.toLowerCase())) text = undefined;
    for (const [re, by] of spec.replace ?? [])
      if (text) text = text.replace(this.compiled.regex(re, 'g'), by).trim() || undefined;
    if (text && spec.map) {
      const hit = spec.map.find(([re]) => this.compiled.regex(re).test(text!));
      text = hit ? hit[1] : undefined;
    }
    if (text && spec.date) {
      this.written.set(name, text);
      text = this.compiled.toEdtf(spec.date, text, spec.column ?? name);
    }
    if (!text && spec.required)
      throw new CellError(
        spec.column ?? name,
        `"${name}" is required but ${spec.column ? `column "${spec.column}" gives nothing` : 'empty'}`,
      );
    return text;
  }

  /**
   * For a value turned into EDTF by a date rule (`date` in `values`), the cell text as the source
   * wrote it ("med/05/1976" for 1976-05); undefined for any other value. This is the date's
   * "as written", also reachable in templates as `{name|asWritten}`.
   */
  asWritten(name: string): string | undefined {
    return this.value(name) === undefined ? undefined : this.written.get(name);
  }

  /**
   * The source's own words for a date template that is one value a date rule rewrote
   * ("{detainedDate}" read from "SEP-OCT/1976"): kept beside the EDTF as `dateAsWritten`.
   */
  dateAsWritten(template: unknown): string | undefined {
    if (typeof template !== 'string') return undefined;
    const words = dateAsWritten(this, template.trim().replace(/^\{(\w+)\?\}$/, '{$1}'));
    return words !== undefined && words !== this.value(placeholders(template)[0]!) ? words.slice(0, 400) : undefined;
  }

  /** The column a placeholder's value comes from, for problem positions. */
  compiledColumn(name: string, depth = 0): string | undefined {
    const spec = this.compiled.mapping.values[name];
    if (!spec) return this.cells.has(name) ? name : undefined;
    if (spec.column) return spec.column;
    if (!spec.template || depth > 5) return undefined;
    return placeholders(spec.template)
      .map((p) => this.compiledColumn(p, depth + 1))
      .find(Boolean);
  }

  /** The template's text, or undefined when a required placeholder is empty. */
  render(template: string): string | undefined {
    let missing = false;
    const out = template.replace(PLACEHOLDER, (_, name: string, optional?: string, filter?: string) => {
      let value = filter === 'asWritten' ? this.asWritten(name) : this.value(name);
      if (value === undefined) {
        if (!optional) missing = true;
        return '\u0000';
      }
      if (filter === 'slug') value = slug(value);
      else if (filter === 'lower') value = value.toLowerCase();
      return value;
    });
    if (missing) return undefined;
    // An empty optional placeholder takes one neighbouring space with it; other spacing is kept verbatim.
    return out.replace(/ ?\u0000 ?/g, (m) => (m.length === 3 ? ' ' : '')).trim() || undefined;
  }
}

function expandGroups(template: string, m: RegExpExecArray): string {
  return template.replace(
    /\$(\d+)|\$<(\w+)>/g,
    (_, n?: string, name?: string) => (n ? m[Number(n)] : m.groups?.[name!]) ?? '',
  );
}

export class CompiledMapping {
  private readonly regexes = new Map<string, RegExp>();
  constructor(readonly mapping: Mapping) {}

  regex(source: string, flags = ''): RegExp {
    const key = `${flags}/${source}`;
    let re = this.regexes.get(key);
    if (!re) {
      re = new RegExp(source, `u${flags}`);
      this.regexes.set(key, re);
    }
    re.lastIndex = 0;
    return re;
  }

  /**
   * Applies the named date rules in order: the first rule that matches and gives a valid EDTF date
   * wins. A rule that matches but fails (a month it does not know, 31 February) does not stop the
   * search; when no rule succeeds, the error names every rule tried and what each did.
   */
  toEdtf(ruleSet: string, text: string, column: string): string {
    const rules = this.mapping.dates[ruleSet];
    if (!rules) throw new CellError(column, `no date rules named "${ruleSet}"`);
    const months = this.monthsOf(ruleSet, rules.months);
    const tried: string[] = [];
    for (const [i, rule] of rules.rules.entries()) {
      const m = this.regex(rule.match, 'i').exec(text);
      const name = `rule ${i + 1} /${rule.match}/`;
      if (!m) {
        tried.push(`${name}: no match`);
        continue;
      }
      const outcome = applyDateRule(rule.edtf, m, months);
      if ('edtf' in outcome) return outcome.edtf;
      tried.push(`${name}: matched, but ${outcome.failure}`);
    }
    throw new CellError(
      column,
      `unreadable date "${text}": no rule of "${ruleSet}" gives a date (${tried.join('; ')})`,
    );
  }

  private readonly months = new Map<string, Map<string, number>>();

  /** A rule set's month names, keyed case-insensitively ("ENE", "Ene" and "ene" are one name). */
  private monthsOf(ruleSet: string, declared: Record<string, number>): Map<string, number> {
    let months = this.months.get(ruleSet);
    if (!months) {
      months = new Map(Object.entries(declared).map(([name, n]) => [monthKey(name), n]));
      this.months.set(ruleSet, months);
    }
    return months;
  }
}

const monthKey = (name: string) => name.normalize('NFC').toLocaleUpperCase('und');

/** One rule's `edtf` template filled from its match: the EDTF, or why the rule fails here. */
function applyDateRule(
  template: string,
  m: RegExpExecArray,
  months: Map<string, number>,
): { edtf: string } | { failure: string } {
  let failure: string | undefined;
  const edtf = template.replace(/\{(\d+)(?:\|(\w+))?\}/g, (_, n: string, filter?: string) => {
    const group = m[Number(n)] ?? '';
    if (filter === 'pad2') return pad2(group);
    if (filter === 'month') {
      const month = months.get(monthKey(group)) ?? (/^\d{1,2}$/.test(group) ? Number(group) : Number.NaN);
      if (!Number.isInteger(month) || month < 1 || month > 12) failure ??= `"${group}" is not a month`;
      return pad2(String(month));
    }
    return group;
  });
  if (failure) return { failure };
  const problem = edtfProblem(edtf);
  return problem ? { failure: `gives "${edtf}": ${problem}` } : { edtf };
}

/**
 * Checks that the mapping and the header agree: no column named that the file lacks, and none
 * unused; with `unusedAllowed` (GeoJSON features each carry their own properties), unused ones and
 * optional placeholders (`{x?}`) no feature has are fine.
 */
export function checkColumns(
  header: string[],
  loaded: LoadedMapping,
  file: string,
  options: { builtins?: readonly string[]; unusedAllowed?: boolean } = {},
): Problem[] {
  const { mapping } = loaded;
  const problems: Problem[] = [];
  const columns = new Set(header);
  const builtins = new Set([...BUILTINS, ...(options.builtins ?? [])]);
  const known = (name: string) => columns.has(name) || name in mapping.values || builtins.has(name);
  const used = new Set<string>();
  for (const [name, spec] of Object.entries(mapping.values)) {
    if (spec.column) {
      used.add(spec.column);
      if (!columns.has(spec.column))
        problems.push({
          file: loaded.file,
          path: `values.${name}.column`,
          message: `unknown column "${spec.column}": ${file} has ${header.join(', ')}`,
        });
    }
  }
  for (const { path, template } of templatesOf(mapping)) {
    for (const name of placeholders(template)) {
      used.add(name);
      // A feature may lack a property its neighbours have: an optional one may be in none.
      const optional = options.unusedAllowed && template.includes(`{${name}?`);
      if (!known(name) && !optional)
        problems.push({ file: loaded.file, path, message: `unknown column or value "${name}" in "${template}"` });
    }
  }
  for (const name of mapping.ignore) used.add(name);
  if (options.unusedAllowed) return problems;
  header.forEach((name, i) => {
    if (!used.has(name))
      problems.push({
        file,
        path: `header.${name}`,
        line: 1,
        column: i + 1,
        message: `unknown column "${name}": the mapping ${loaded.file} neither maps nor ignores it`,
      });
  });
  return problems;
}

function parseRecords(text: string, mapping: Mapping, file: string) {
  try {
    const rows = parse(text, {
      delimiter: mapping.delimiter,
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: false,
    }) as unknown as { record: string[]; raw: string; info: { lines: number } }[];
    return rows.map(({ record, raw, info }) => {
      const body = raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '');
      return { record, text: body, line: info.lines - (body.match(/\n/g)?.length ?? 0) };
    });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new DecodeError({ file, path: 'csv', line: e.lines, column: 1, message: e.message });
  }
}

/** Turns a CSV file into a Dataset row by row, as its mapping says (graph/import/README.md). */
export function parseCsvWithMapping(bytes: Uint8Array, file: string, loaded: LoadedMapping): ParsedFile {
  const out = new DatasetBuilder(file, 'csv');
  const { mapping } = loaded;
  let rows: ReturnType<typeof parseRecords>;
  try {
    const encoding = mapping.encoding === 'auto' ? detectEncoding(bytes) : mapping.encoding;
    rows = parseRecords(decode(bytes, encoding, file), mapping, file);
  } catch (error) {
    if (error instanceof DecodeError) {
      out.parsed.problems.push(error.problem);
      return out.parsed;
    }
    throw error;
  }
  const header = rows.shift()?.record ?? [];
  const columnProblems = checkColumns(header, loaded, file);
  if (columnProblems.length > 0) {
    out.parsed.problems.push(...columnProblems);
    return out.parsed;
  }
  const compiled = new CompiledMapping(mapping);
  const columnIndex = new Map(header.map((name, i) => [name, i + 1]));
  for (const constant of mapping.constants) {
    out.addEntity(constant as never, { file: loaded.file, line: 1 });
  }
  rows.forEach((row, r) => {
    const cells = new Map(header.map((name, i) => [name, restoreFormula(row.record[i] ?? '')]));
    const failed = mapRow(
      out,
      compiled,
      cells,
      { row: String(r + 1), line: String(row.line), rowText: row.text.slice(0, 4000), file: baseName(file) },
      { file, line: row.line, column: 1 },
      columnIndex,
    );
    if (failed)
      out.parsed.problems.push({
        file,
        path: `row ${r + 1}`,
        line: row.line,
        column: columnIndex.get(failed.column),
        message: `${failed.message} (column "${failed.column}")`,
      });
  });
  out.parsed.records = rows.length;
  return out.parsed;
}

export const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/**
 * The records one row makes, as the mapping says: a CSV line, or a GeoJSON feature's properties
 * (graph/import/geojson/read.ts). A cell that cannot be read (an unreadable date, a required value
 * missing) makes nothing and comes back as its column and the reason.
 */
export function mapRow(
  out: DatasetBuilder,
  compiled: CompiledMapping,
  cells: Map<string, string>,
  builtins: Record<string, string>,
  at: Position,
  columnIndex: Map<string, number>,
): { column: string; message: string } | undefined {
  const context = new Row(compiled, cells, builtins);
  try {
    emitRow(out, compiled.mapping, context, at, columnIndex);
    return undefined;
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    return { column: context.compiledColumn(error.column) ?? error.column, message: error.message };
  }
}

type Claim = {
  source: string;
  locator: string;
  excerpt: string;
  confidence?: string;
  translation?: string;
  note?: string;
  date?: string;
  dateAsWritten?: string;
};

function emitRow(
  out: DatasetBuilder,
  mapping: Mapping,
  row: Row,
  at: Position,
  columnIndex: Map<string, number>,
): void {
  const claimOf = (spec = mapping.claim): Claim | undefined => {
    if (!spec) return undefined;
    const claim: Record<string, string | undefined> = {};
    for (const [key, template] of Object.entries(spec)) claim[key] = row.render(template as string);
    if (claim.date) claim.dateAsWritten = row.dateAsWritten(spec.date);
    return claim.source && claim.locator && claim.excerpt
      ? (Object.fromEntries(Object.entries(claim).filter(([, v]) => v !== undefined)) as Claim)
      : undefined;
  };
  const fieldPosition = (template: unknown) => {
    const name =
      typeof template === 'string'
        ? placeholders(template)
            .map((p) => row.compiledColumn(p))
            .find(Boolean)
        : undefined;
    return name ? { column: columnIndex.get(name), name } : undefined;
  };
  const when = (template?: string) => template === undefined || row.render(template) !== undefined;
  for (const spec of mapping.entities) {
    const id = when(spec.when) ? row.render(spec.id) : undefined;
    if (!id) continue;
    const names = spec.names.flatMap((n) => {
      const value = row.render(n.value);
      if (!value) return [];
      // With `split` (a regex), the first part has the name's kind and the others are aliases.
      return (n.split ? value.split(new RegExp(n.split, 'u')) : [value])
        .map((v) => v.trim())
        .filter(Boolean)
        .map((v, i) => ({
          value: v.slice(0, 400),
          kind: i === 0 ? (n.kind ?? 'alias') : 'alias',
          ...(n.lang ? { lang: n.lang } : {}),
          ...(n.script ? { script: n.script } : {}),
        }));
    });
    if (names.length === 0) continue;
    const entity: Record<string, unknown> = { type: spec.type, id, names };
    if (spec.type === ENTITY.Event && !('kind' in spec.fields)) entity.kind = 'other';
    const fields: NonNullable<Position['fields']> = {};
    for (const [key, value] of Object.entries(spec.fields)) {
      const v = fieldValue(row, value);
      if (v === undefined) continue;
      entity[key] = v;
      const position = fieldPosition(
        typeof value === 'object' && !Array.isArray(value) ? value.template : Array.isArray(value) ? value[0] : value,
      );
      const written = typeof value === 'string' ? dateAsWritten(row, value) : undefined;
      if (position || written) fields[key] = { ...position, ...(written ? { asWritten: written } : {}) };
    }
    if (spec.type === ENTITY.Event) {
      const words = typeof entity.date === 'string' ? row.dateAsWritten(spec.fields.date) : undefined;
      if (words) entity.dateAsWritten = words;
      const claim = claimOf();
      if (claim) entity.claims = [claim];
    }
    const statements = citedStatements(entity, spec.cite ?? [], claimOf());
    if (statements.length) entity.statements = statements;
    out.addEntity(entity as never, { ...at, fields });
  }
  for (const spec of mapping.relationships) {
    const [id, from, to] = [row.render(spec.id), row.render(spec.from), row.render(spec.to)];
    if (!id || !from || !to || !when(spec.when)) continue;
    const claim = claimOf(spec.claim ?? mapping.claim);
    const rel: Record<string, unknown> = { id, type: row.render(spec.type), from, to, claims: claim ? [claim] : [] };
    const fields: NonNullable<Position['fields']> = {};
    for (const key of ['role', 'relation', 'date'] as const) {
      const v = spec[key] ? row.render(spec[key]) : undefined;
      if (v) rel[key] = v;
    }
    for (const key of ['from', 'to', 'role', 'relation', 'date'] as const) {
      const position = spec[key] ? fieldPosition(spec[key]) : undefined;
      if (position) fields[key] = position;
    }
    out.addRelationship(rel as never, { ...at, fields });
  }
  for (const spec of mapping.addToPeople) {
    const person = row.render(spec.person);
    if (!person) continue;
    const names = spec.names.flatMap((n) => {
      const value = row.render(n.value);
      return value ? [{ value: value.slice(0, 400), kind: n.kind ?? 'alias' }] : [];
    });
    const identityNumbers = spec.identityNumbers.flatMap((t) => row.render(t) ?? []);
    out.parsed.additions.push({ person, names, identityNumbers, missing: spec.missing, position: at });
  }
}

/** A field that is one date value (`"date": "{detainedDate}"`): the cell text its rule rewrote. */
function dateAsWritten(row: Row, template: string): string | undefined {
  const names = placeholders(template);
  return names.length === 1 && template.trim() === `{${names[0]}}` ? row.asWritten(names[0]!) : undefined;
}

/** The `cite` fields of a record as statements, each citing the row's claim (one per list member). */
function citedStatements(entity: Record<string, unknown>, fields: string[], claim: Claim | undefined) {
  if (!claim) return [];
  return fields.flatMap((field) => {
    const value = entity[field];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).map((v) => ({ field, value: v, claims: [claim] }));
  });
}

function fieldValue(row: Row, value: Mapping['entities'][number]['fields'][string]): unknown {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return row.render(value);
  if (Array.isArray(value)) {
    const list = value.flatMap((t) => row.render(t) ?? []);
    return list.length ? list : undefined;
  }
  const text = row.render(value.template);
  if (text === undefined) return undefined;
  if (value.type === 'number') {
    const n = Number(text.replace(',', '.'));
    if (!Number.isFinite(n))
      throw new CellError(
        placeholders(value.template)
          .map((p) => row.compiledColumn(p))
          .find(Boolean) ?? '?',
        `"${text}" is not a number`,
      );
    return n;
  }
  if (value.type === 'boolean') return /^(true|yes|s[ií]|1|x)$/i.test(text);
  if (value.type === 'identifiers') {
    // "ruvte:RUVTE-1234; aspi:ASPI-88": each a scheme and a value (graph/import/README.md).
    const list = text
      .split(value.split ?? ';')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((item) => {
        const at = item.indexOf(':');
        if (at < 1)
          throw new CellError(
            placeholders(value.template)
              .map((p) => row.compiledColumn(p))
              .find(Boolean) ?? '?',
            `"${item}" is not scheme:value (e.g. ruvte:RUVTE-1234)`,
          );
        return { scheme: item.slice(0, at).trim().toLowerCase(), value: item.slice(at + 1).trim() };
      });
    return list.length ? list : undefined;
  }
  if (value.type === 'list') {
    const list = text
      .split(value.split ?? ';')
      .map((s) => s.trim())
      .filter(Boolean);
    return list.length ? list : undefined;
  }
  return text;
}

export { MappingError };
