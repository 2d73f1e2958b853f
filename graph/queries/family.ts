import neo4j from 'neo4j-driver';
import { read } from '../db/driver.js';
import { KINSHIP_TYPES } from '../schema/index.js';
import type { ReadScope } from '../read/scope.js';
import { FAMILY_EDGES_PER_PERSON, type FamilyGroup, type FamilyNetwork } from '../views/graph.js';
import { edgesAmong, relTypePattern } from './edge-view.js';
import { findNode } from './entity.js';
import { generationOfRelation } from './relation-generation.js';
import type { Props } from '../db/props.js';
import { ENTITY } from '../vocabulary/entity-types.js';

/**
 * How a person entered the network. Only the root and its ancestors look further up; everyone
 * reached downwards (children, siblings, uncles, cousins) only looks down, and partners,
 * guardians and other relatives are shown but not expanded. Without this a family walk would
 * climb through every in-law's ancestry.
 */
type Line = 'up' | 'down' | 'leaf';
const LINE_RANK: Record<Line, number> = { leaf: 0, down: 1, up: 2 };

interface Member {
  props: Props;
  generation: number;
  line: Line;
  /**
   * The person this one is grouped around when no link fixes their generation (a RELATIVE_OF
   * whose words say no generation): they take that person's generation, shown as "around" them.
   */
  around?: string;
}

/** Per person and round, kin rows fetched at most: a polygamous hub still answers quickly. */
const KIN_PER_PERSON = 200;
const MEMBERS_PER_FAMILY = 100;

/** Steps that fix a generation go first; RELATIVE_OF fixes one only through its words. */
const PRIORITY = ['PARENT_OF', 'SIBLING_OF', 'PARTNER_OF', 'GUARDIAN_OF', 'RELATIVE_OF'];

/**
 * Where one step leads from a person on `line`: generations moved, the line reached, and whether
 * the data fixes the generation (false for a RELATIVE_OF whose words do not say one).
 */
function stepOf(
  line: Line,
  type: string,
  out: boolean,
  relation: string | null,
): { delta: number; line: Line; fixed?: false } {
  switch (type) {
    case 'PARENT_OF':
      if (out) return { delta: 1, line: 'down' };
      return { delta: -1, line: line === 'up' ? 'up' : 'leaf' };
    case 'SIBLING_OF':
      return { delta: 0, line: 'down' };
    case 'GUARDIAN_OF':
      return { delta: out ? 1 : -1, line: 'leaf' };
    case 'RELATIVE_OF': {
      // `relation` is what `from` is to `to`: an uncle is one generation above his nephew.
      const generation = generationOfRelation(relation ?? undefined);
      if (generation === undefined) return { delta: 0, line: 'leaf', fixed: false };
      return { delta: out ? -generation : generation, line: 'leaf' };
    }
    default:
      return { delta: 0, line: 'leaf' }; // PARTNER_OF
  }
}

/**
 * The kinship network of a person: ancestors up to `generations` back, the descendants of
 * the person and of those ancestors down to `generations` forward (so siblings, uncles, cousins,
 * grandchildren), the partners, guardians and other relatives of each, and the other members of
 * their households. Breadth-first, one bounded query per round.
 * Null when the id is unknown to the reader or is not a person.
 */
export async function familyNetwork(
  scope: ReadScope,
  id: string,
  options: { generations: number; limit: number },
): Promise<FamilyNetwork | null> {
  const root = await findNode(scope, id);
  if (root?.type !== ENTITY.Person) return null;
  const people = new Map<string, Member>([[String(root.id), { props: root, generation: 0, line: 'up' }]]);
  let truncated = false;
  /** Adds or promotes a person; true when they are to be expanded (again). */
  const admit = (props: Props, generation: number, line: Line, around?: string): boolean => {
    if (Math.abs(generation) > options.generations) return false;
    const known = people.get(String(props.id));
    if (known) {
      if (known.around !== undefined && around === undefined) {
        // A link that fixes the generation wins over being grouped around someone.
        known.generation = generation;
        known.around = undefined;
      }
      if (LINE_RANK[line] <= LINE_RANK[known.line]) return false;
      known.line = line;
      return true;
    }
    if (people.size >= options.limit) {
      truncated = true;
      return false;
    }
    people.set(String(props.id), { props, generation, line, ...(around === undefined ? {} : { around }) });
    return line !== 'leaf';
  };
  let frontier = [String(root.id)];
  while (frontier.length > 0) {
    const next: string[] = [];
    const rows = (await kinOf(frontier)).sort((a, b) => PRIORITY.indexOf(a.type) - PRIORITY.indexOf(b.type));
    for (const row of rows) {
      const from = people.get(row.pid)!;
      const step = stepOf(from.line, row.type, row.out, row.relation);
      const around = step.fixed === false ? (from.around ?? row.pid) : undefined;
      if (admit(row.m, from.generation + step.delta, step.line, around)) next.push(String(row.m.id));
    }
    frontier = [...new Set(next)];
  }
  const families = await householdsOf(scope, people, admit);
  const edges = await edgesAmong(
    scope,
    new Map([...people].map(([key, member]) => [key, member.props])),
    relTypePattern(KINSHIP_TYPES),
    { where: 'true', params: {} },
    people.size * FAMILY_EDGES_PER_PERSON,
  );
  return {
    root: scope.present(root),
    people: [...people.values()].map((member) => {
      const around = member.around === undefined ? undefined : people.get(member.around);
      return {
        ...scope.present(member.props),
        generation: member.generation,
        ...(around ? { around: scope.visibleId(around.props) } : {}),
      };
    }),
    edges: edges.list,
    families,
    truncated: truncated || edges.cut,
  };
}

interface KinRow {
  pid: string;
  type: string;
  out: boolean;
  relation: string | null;
  m: Props;
}

async function kinOf(ids: string[]): Promise<KinRow[]> {
  const result = await read<KinRow>(
    `UNWIND $ids AS pid
     MATCH (p:${ENTITY.Person} {id: pid})
     CALL (p) {
       MATCH (p)-[r:${relTypePattern(KINSHIP_TYPES)}]-(m:${ENTITY.Person})
       RETURN type(r) AS type, startNode(r) = p AS out, r.relation AS relation, m
       ORDER BY r.confidenceRank DESC, m.id LIMIT $perPerson
     }
     RETURN pid, type, out, relation, properties(m) AS m`,
    { ids, perPerson: neo4j.int(KIN_PER_PERSON) },
  );
  return result.records.map((record) => record.toObject());
}

/** Generation of a household role, relative to the family's children. */
const ROLE_LEVEL: Record<string, number> = { grandparent: -2, parent: -1, partner: -1, guardian: -1, child: 0 };

/**
 * Families (via MEMBER_OF) of everyone expanded. Their other members join the network, not
 * expanded, a generation inferred from the roles ("other" counts as the linking role).
 */
async function householdsOf(
  scope: ReadScope,
  people: Map<string, Member>,
  admit: (props: Props, generation: number, line: Line) => boolean,
): Promise<FamilyGroup[]> {
  const expanded = [...people].filter(([, member]) => member.line !== 'leaf').map(([key]) => key);
  const result = await read<{ f: Props; members: { role: string | null; m: Props }[] }>(
    `MATCH (f:${ENTITY.Family})<-[:MEMBER_OF]-(p:${ENTITY.Person}) WHERE p.id IN $ids
     WITH DISTINCT f
     CALL (f) {
       MATCH (f)<-[r:MEMBER_OF]-(m:${ENTITY.Person})
       RETURN {role: r.role, m: properties(m)} AS member ORDER BY m.id LIMIT $perFamily
     }
     RETURN properties(f) AS f, collect(member) AS members ORDER BY f.name, f.id`,
    { ids: expanded, perFamily: neo4j.int(MEMBERS_PER_FAMILY) },
  );
  return result.records.map((record) => {
    const members = record.get('members');
    const link = members.find((member) => {
      const known = people.get(String(member.m.id));
      return known !== undefined && known.line !== 'leaf';
    })!;
    const linkLevel = ROLE_LEVEL[link.role ?? ''] ?? 0;
    const base = people.get(String(link.m.id))!.generation;
    for (const member of members)
      admit(member.m, base + (ROLE_LEVEL[member.role ?? ''] ?? linkLevel) - linkLevel, 'leaf');
    const family = scope.present(record.get('f'));
    return {
      id: family.id,
      name: family.name,
      members: members
        .filter((member) => people.has(String(member.m.id)))
        .map((member) => ({ id: scope.visibleId(member.m), ...(member.role ? { role: member.role } : {}) })),
    };
  });
}
