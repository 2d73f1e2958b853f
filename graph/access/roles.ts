import { z } from 'zod';
import { CLEARANCE_LEVELS, clearanceFor, clearanceReads } from '../vocabulary/disclosure.js';

/**
 * Who a signed-in user is to Kinline. A role says what they may do; a clearance says which
 * protected people they may read by name (README, "Who sees what").
 */
export const ROLES = ['viewer', 'researcher', 'cleared', 'admin'] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

/** Clearances in increasing order: each one also reads everything the ones before it read. */
export const CLEARANCES = CLEARANCE_LEVELS;
export const Clearance = z.enum(CLEARANCES);
export type Clearance = z.infer<typeof Clearance>;

/** The person reading: every read of the graph is made on someone's behalf. */
export interface Reader {
  /** Absent for an anonymous reader (allowed on loopback or with KINLINE_PUBLIC_READ). */
  userId?: string;
  username?: string;
  role: Role;
  clearance: Clearance;
}

export const ANONYMOUS: Reader = Object.freeze({ role: 'viewer', clearance: 'none' });

/**
 * The clearance a person's disclosure level asks of a reader: public people need none,
 * pseudonymous people need 'pseudonymous', confidential people need 'confidential'.
 */
export function clearanceNeededFor(disclosure: 'public' | 'pseudonymous' | 'confidential'): Clearance {
  return clearanceFor(disclosure);
}

export function mayReadByName(reader: Reader, disclosure: 'public' | 'pseudonymous' | 'confidential'): boolean {
  return clearanceReads(reader.clearance, disclosure);
}

/** Roles that may change the graph (issue "Research workspace"). */
export const mayWrite = (reader: Reader) =>
  reader.role === 'researcher' || reader.role === 'cleared' || reader.role === 'admin';
export const isAdmin = (reader: Reader) => reader.role === 'admin';

/** A clearance only a cleared user or an admin may hold: a viewer or researcher reads pseudonyms. */
export function clearanceAllowed(role: Role, clearance: Clearance): boolean {
  return clearance === 'none' || role === 'cleared' || role === 'admin';
}
