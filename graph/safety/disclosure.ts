import type { Disclosure, PersonRecord } from '../schema/index.js';

/** Minors are pseudonymous unless a curator says otherwise (graph/README.md, Safety). */
export function disclosureOf(person: Pick<PersonRecord, 'disclosure' | 'minor'>): Disclosure {
  return person.disclosure ?? (person.minor ? 'pseudonymous' : 'public');
}

export function isProtected(disclosure: Disclosure): boolean {
  return disclosure !== 'public';
}

export function defaultPseudonym(publicId: string): string {
  return `Protected person ${publicId.slice(5, 11).toUpperCase()}`;
}
