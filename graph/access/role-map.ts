import { Clearance, CLEARANCES, clearanceAllowed, ROLES, Role } from './roles.js';

/**
 * How an organisation's groups become Kinline roles (KINLINE_OIDC_ROLE_MAP): each entry gives a
 * group a role and, for cleared users and admins, a clearance.
 */
export interface RoleGrant {
  role: Role;
  clearance: Clearance;
}
export type RoleMap = ReadonlyMap<string, RoleGrant>;

export class RoleMapError extends Error {}

/**
 * Parses `kinline-admins=admin,kinline-cleared=cleared:confidential,kinline-staff=researcher`.
 * Every mistake is named at start-up, so a typo never leaves a group silently unmapped.
 */
export function parseRoleMap(text: string): RoleMap {
  const map = new Map<string, RoleGrant>();
  for (const entry of text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    // The last `=` ends the group's name, which may hold one (an LDAP DN's `cn=…`).
    const match = /^(.*\S)\s*=\s*([a-z]+)(?::([a-z]+))?$/.exec(entry);
    if (!match) throw new RoleMapError(`"${entry}" is not group=role or group=role:clearance`);
    const [, group, roleText, clearanceText = 'none'] = match as unknown as [string, string, string, string?];
    const role = Role.safeParse(roleText);
    if (!role.success) throw new RoleMapError(`"${entry}": the role must be one of ${ROLES.join(', ')}`);
    const clearance = Clearance.safeParse(clearanceText);
    if (!clearance.success) throw new RoleMapError(`"${entry}": the clearance must be one of ${CLEARANCES.join(', ')}`);
    if (!clearanceAllowed(role.data, clearance.data))
      throw new RoleMapError(`"${entry}": a ${role.data} cannot hold clearance ${clearance.data}`);
    if (map.has(group)) throw new RoleMapError(`group "${group}" is mapped twice`);
    map.set(group, { role: role.data, clearance: clearance.data });
  }
  if (map.size === 0) throw new RoleMapError('no group is mapped to a role');
  return map;
}

/**
 * The role a person's groups earn: the highest role and the highest clearance among the mapped
 * groups they are in (a clearance above none only comes with cleared or admin, so the pair is
 * always one a user may hold). Null when none of their groups is mapped: sign-in is refused.
 */
export function grantFor(groups: readonly string[], map: RoleMap): RoleGrant | null {
  const grants = groups.flatMap((group) => map.get(group) ?? []);
  if (grants.length === 0) return null;
  const highest = <T>(order: readonly T[], values: T[]) => order[Math.max(...values.map((v) => order.indexOf(v)))]!;
  return {
    role: highest(
      ROLES,
      grants.map((g) => g.role),
    ),
    clearance: highest(
      CLEARANCES,
      grants.map((g) => g.clearance),
    ),
  };
}
