import type { EntityDetail, StatementView } from '../api/types.js';
import { el } from '../dom.js';
import { claimsBlock } from './claims.js';

/** How a value reads: a name or an identifier by its text, a withheld one as such. */
export function statementValueText(statement: Pick<StatementView, 'value' | 'withheld'>): string {
  if (statement.withheld) return '[withheld]';
  const value = statement.value;
  if (value && typeof value === 'object') {
    const v = value as { value?: unknown; scheme?: unknown };
    return typeof v.scheme === 'string' ? `${v.scheme}: ${String(v.value)}` : String(v.value ?? JSON.stringify(value));
  }
  return String(value);
}

/**
 * "1979 or 1980": the distinct values sources give a field that holds one value, deprecated ones
 * left out. Null when they agree. Lists (names, identity numbers) hold several values by nature.
 */
export function conflictText(statements: readonly StatementView[], isList: boolean): string | null {
  if (isList) return null;
  const values = [...new Set(statements.filter((s) => s.rank !== 'deprecated' && !s.withheld).map(statementValueText))];
  return values.length > 1 ? values.join(' or ') : null;
}

/** Fields that hold several values: statements about them add members rather than disagree. */
const LIST_FIELDS = new Set(['names', 'citizenships', 'identityNumbers', 'identifiers', 'authors']);

/**
 * Each field's values as the sources give them, field by field: the value, its rank and the
 * claims behind it; a field that sources give differently says so first ("Sources disagree:
 * 1979 or 1980"), and its values sit side by side.
 */
export function statementsBlock(detail: EntityDetail, notify: (message: string) => void): HTMLElement | null {
  if (!detail.statements.length) return null;
  const byField = new Map<string, StatementView[]>();
  for (const s of detail.statements) byField.set(s.field, [...(byField.get(s.field) ?? []), s]);
  return el(
    'section',
    { className: 'statements', 'aria-label': 'Sources of each field' },
    el('h3', { text: 'Sources of each field' }),
    ...[...byField].map(([field, statements]) => {
      const conflict = conflictText(statements, LIST_FIELDS.has(field));
      return el(
        'section',
        { className: conflict ? 'statement-field conflict' : 'statement-field', 'data-field': field },
        el('h4', { text: field }),
        conflict ? el('p', { className: 'conflict-note', role: 'note', text: `Sources disagree: ${conflict}` }) : null,
        el(
          'ul',
          { className: conflict ? 'statement-values side-by-side' : 'statement-values' },
          ...statements.map((s) =>
            el(
              'li',
              { className: `statement rank-${s.rank}`, 'data-rank': s.rank },
              el('span', { className: 'statement-value', text: statementValueText(s) }),
              s.rank === 'normal' ? null : el('span', { className: `badge rank ${s.rank}`, text: s.rank }),
              claimsBlock(s.claims, { about: `${detail.entity.name}, ${field}`, notify }),
            ),
          ),
        ),
      );
    }),
  );
}

/** A record's identifiers, scheme by value ("ruvte RUVTE-1234"). */
export function identifiersList(detail: EntityDetail): HTMLElement | null {
  const identifiers = detail.entity.identifiers ?? [];
  if (!identifiers.length) return null;
  return el(
    'dl',
    { className: 'properties identifiers', 'aria-label': 'Identifiers' },
    ...identifiers.flatMap((i) => [el('dt', { text: i.scheme }), el('dd', { className: 'identifier', text: i.value })]),
  );
}
