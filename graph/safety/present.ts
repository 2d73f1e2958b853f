import type { EntityType, Name } from '../schema/index.js';
import type { Props } from '../db/props.js';
import type { EntityView } from '../views/entity.js';

/** Properties a reader may see when the entity is not protected; derived keys stay internal. */
const HIDDEN_KEYS = new Set([
  'namesJson',
  'searchText',
  'publicId',
  'pseudonym',
  'pseudonymGiven',
  'protected',
  'type',
  'id',
  'name',
  'lastKnownEarliest',
  'lastKnownLatest',
]);

export function isProtectedProps(props: Props): boolean {
  return props.protected === true;
}

/** The id a reader uses for this node: the public id for protected people. */
export function visibleId(props: Props): string {
  return isProtectedProps(props) ? String(props.publicId) : String(props.id);
}

/**
 * The one place where a stored node becomes something a reader sees. Protected people come out
 * as their pseudonym and public id only: no name, alias, birth date, identity number or real id
 * (DESIGN.md, Safety). Every query that returns entities passes them through here.
 */
export function presentEntity(props: Props, options: { detail?: boolean } = {}): EntityView {
  const type = props.type as EntityType;
  if (isProtectedProps(props)) {
    return { id: String(props.publicId), type, name: String(props.pseudonym), protected: true };
  }
  const view: EntityView = { id: String(props.id), type, name: String(props.name) };
  if (typeof props.kind === 'string') view.kind = props.kind;
  if (props.synthetic === true) view.synthetic = true;
  if (!options.detail) return view;
  if (typeof props.namesJson === 'string') view.names = JSON.parse(props.namesJson) as Name[];
  for (const [key, value] of Object.entries(props)) {
    if (!HIDDEN_KEYS.has(key) && value !== null && value !== undefined && !(key in view)) view[key] = value;
  }
  return view;
}

/**
 * Replaces protected people's names inside free text (claim excerpts quote sources verbatim, and
 * a source may name a child). `names` maps each written name to the pseudonym shown instead.
 */
export function redactText(text: string, names: ReadonlyMap<string, string>): string {
  let out = text;
  for (const [name, pseudonym] of names) {
    if (name.length >= 3) out = out.split(name).join(pseudonym);
  }
  return out;
}
