import type { Clearance } from '../access/roles.js';
import { graphGeneration } from '../db/generation.js';
import { read } from '../db/driver.js';
import { type MentionMatcher, mentionMatcher, termsOfPerson } from '../safety/mentions.js';
import { ENTITY } from '../vocabulary/entity-types.js';
import type { ProtectionContext } from './protection.js';

/**
 * What protection needs of the stored people, kept per process and keyed by the graph's generation
 * token (graph/db/generation.ts): reading every person on each write costs O(people). Every change
 * to the graph replaces the token in its own transaction; a load this process commits brings the
 * cache along (its people read again in that transaction) when the token it replaced is the cached
 * one, and anything else (a load by the CLI, a wipe, a delete, two loads at once) leaves a token the
 * cache does not know, so the next write reads every person again. The cache can only be behind the
 * token it is keyed by, never ahead of it, so it never serves protection older than the graph's.
 */

export interface StoredPerson {
  id: string;
  names: { value: string }[];
  identityNumbers: string[] | null;
  identifiers: { value: string }[] | null;
  needs: Clearance | null;
}

interface Cached {
  token: string;
  people: Map<string, StoredPerson>;
  /** Derived on first use after each change: the context of all stored people, and its matcher. */
  all?: { context: Omit<ProtectionContext, 'publicIds'>; matcher?: MentionMatcher };
}

let cached: Cached | null = null;

/** The stored people's protection-relevant fields, as protectionContext and the cache read them. */
export const PEOPLE_FIELDS = `p.id AS id, p.namesJson AS namesJson, p.identityNumbers AS identityNumbers,
  p.identifiersJson AS identifiersJson, p.needs AS needs`;

export function storedPerson(record: { get(key: string): unknown }): StoredPerson {
  return {
    id: record.get('id') as string,
    names: JSON.parse((record.get('namesJson') as string | null) ?? '[]'),
    identityNumbers: record.get('identityNumbers') as string[] | null,
    identifiers: JSON.parse((record.get('identifiersJson') as string | null) ?? 'null'),
    needs: (record.get('needs') as Clearance | null) ?? null,
  };
}

/** The context of `people` minus `without` (the people a dataset writes again). */
export function contextOf(
  people: Iterable<StoredPerson>,
  without: ReadonlySet<string> = new Set(),
): Omit<ProtectionContext, 'publicIds'> {
  const protectedPeople: ProtectionContext['protectedPeople'] = [];
  const publicNames: string[] = [];
  for (const person of people) {
    if (without.has(person.id)) continue;
    if (person.needs) protectedPeople.push({ ...person, needs: person.needs });
    else publicNames.push(...person.names.map((n) => n.value));
  }
  return { protectedPeople, publicNames, empty: false };
}

/** The matcher of a context alone (no dataset): what matcherFor builds for a dataset without people. */
export const contextMatcher = (context: Omit<ProtectionContext, 'publicIds'>): MentionMatcher =>
  mentionMatcher(
    context.protectedPeople.flatMap((p) => termsOfPerson(p, p.needs)),
    context.publicNames,
  );

/** The cache at the graph's current token, filled from the graph when it is not. */
async function current(): Promise<Cached | null> {
  // The token is read before the people: a load committed in between leaves the cache ahead of
  // its token, which the next write then finds changed and reads again (never the other way).
  const token = await graphGeneration();
  if (!token) return null;
  if (cached?.token === token) return cached;
  const rows = await read(`MATCH (p:${ENTITY.Person}) RETURN ${PEOPLE_FIELDS}`);
  cached = { token, people: new Map(rows.records.map((r) => [r.get('id') as string, storedPerson(r)])) };
  return cached;
}

/**
 * The stored people's context minus the dataset's people (`inDataset`), from the cache; null when
 * the graph has no token (never loaded through Kinline: read it directly).
 */
export async function cachedContext(
  inDataset: ReadonlySet<string>,
): Promise<Omit<ProtectionContext, 'publicIds'> | null> {
  const entry = await current();
  if (!entry) return null;
  const stored = [...inDataset].some((id) => entry.people.has(id));
  if (stored) return contextOf(entry.people.values(), inDataset);
  entry.all ??= { context: contextOf(entry.people.values()) };
  // Built once per change and shared by every write with no people; a change replaces `all` whole,
  // so a matcher being built for the old people is never kept for the new.
  const all = entry.all;
  return { ...all.context, matcher: () => (all.matcher ??= contextMatcher(all.context)) };
}

/** A committed change replaced token `before` by `after`; `people`: the people it wrote, as stored now. */
export function advanced(before: string | null, after: string, people: StoredPerson[]): void {
  if (!cached || cached.token !== before) {
    cached = null;
    return;
  }
  for (const person of people) cached.people.set(person.id, person);
  cached.token = after;
  if (people.length > 0) cached.all = undefined;
}

/** Whether a cache is held (a load reads its people back only to bring one along). */
export const protectionCached = (): boolean => cached !== null;

/** Forget everything: the next write reads every person again. */
export function invalidateProtectionCache(): void {
  cached = null;
}
