import { createHash } from 'node:crypto';
import { config } from '../config.js';
import type { Disclosure, PersonRecord } from '../schema/index.js';

/** Minors are pseudonymous unless a curator says otherwise (graph/README.md, Safety). */
export function disclosureOf(person: Pick<PersonRecord, 'disclosure' | 'minor'>): Disclosure {
  return person.disclosure ?? (person.minor ? 'pseudonymous' : 'public');
}

export function isProtected(disclosure: Disclosure): boolean {
  return disclosure !== 'public';
}

/**
 * The id a reader without clearance sees instead of a protected person's real id. Keyed with
 * KINLINE_PSEUDONYM_KEY so that ids in the data (which may spell a name) cannot be recovered.
 */
export function publicIdOf(id: string): string {
  const key = config().pseudonymKey;
  return `anon-${createHash('sha256').update(`${key}\u0000${id}`).digest('hex').slice(0, 16)}`;
}

export function defaultPseudonym(publicId: string): string {
  return `Protected person ${publicId.slice(5, 11).toUpperCase()}`;
}
