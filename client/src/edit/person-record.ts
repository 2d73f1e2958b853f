import type { Claim, Entity } from '../../../graph/schema/index.js';

/** What the "Add person" form holds: a name, an optional birth date, and the claim behind them. */
export interface PersonFormValues {
  name: string;
  birthDate: string;
  claim: Claim;
}

/**
 * A random id: one that spells a name would tell it (graph/README.md, Safety). getRandomValues,
 * unlike randomUUID, works on a plain-HTTP intranet address too.
 */
export const randomId = (prefix: string) =>
  `${prefix}-${[...crypto.getRandomValues(new Uint8Array(6))].map((b) => b.toString(16).padStart(2, '0')).join('')}`;

/**
 * The request body of POST /api/entities: one Person record of the file form, whose name (and
 * birth date, when given) is a statement citing the form's claim, so the person enters the graph
 * cited. Checked by the server's own schema; its messages name the fields.
 */
export function personRecord(values: PersonFormValues, id = randomId('person')): Entity {
  const { claim } = values;
  const name = { value: values.name.trim(), kind: 'primary' as const };
  const birthDate = values.birthDate.trim();
  return {
    type: 'Person',
    id,
    names: [name],
    ...(birthDate ? { birthDate } : {}),
    statements: [
      { field: 'names', value: name, claims: [claim] },
      ...(birthDate ? [{ field: 'birthDate', value: birthDate, claims: [claim] }] : []),
    ],
  } as Entity;
}
