import type { FamilyTree } from '../api/types.js';
import type { GroupBox } from './renderer.js';

/** Width of a person's place in a row: a wrapped label (renderer.ts, BELOW_LABEL_WIDTH) plus a margin. */
const COLUMN = 170;
/** From one generation's row to the next, when neither has a group of relatives around someone. */
const ROW = 170;
/**
 * Height of a person's place in a group around someone: the node and three label lines under it at
 * the smallest zoom that still draws labels (0.45: 16 + 20 + 58 + 13 graph units), plus a margin.
 */
const CELL = 130;
const PAD = 40;
/** Room above a group around someone for its own title. */
const TITLE = 70;

export interface FamilyLayout {
  positions: Record<string, [number, number]>;
  groups: GroupBox[];
}

type Person = FamilyTree['people'][number];

/** People grouped around one person: in rings of cells around them, nearest ring first. */
interface Around {
  anchor: string;
  members: string[];
  rings: number;
}

/**
 * Kinship generations as rows: parents above children, partners side by side, each family a box
 * around its members (issue #4, family view). Within a row, people keep their family together.
 * Relatives whose generation the data does not give (a RELATIVE_OF saying only "relative") are
 * not put in a row, which would claim a generation: they sit in rings around the person they are
 * related to, in a box that says so (issue 13). Every place is wide and tall enough for its label,
 * so no two labels overlap at any zoom that draws them.
 */
export function familyLayout(tree: FamilyTree): FamilyLayout {
  const byId = new Map(tree.people.map((p) => [p.id, p]));
  const arounds = aroundGroups(tree.people, byId);
  const inRing = new Set([...arounds.values()].flatMap((a) => a.members));
  const rows = rowsOf(tree, inRing);

  const positions: Record<string, [number, number]> = {};
  const extent = (id: string) => (arounds.get(id)?.rings ?? 0) * CELL;
  let y = 0;
  let previous: { generation: number; below: number } | undefined;
  for (const generation of [...rows.keys()].sort((a, b) => a - b)) {
    const ids = rows.get(generation)!;
    const above = Math.max(...ids.map((id) => extent(id) + (arounds.has(id) ? TITLE : 0)));
    if (previous) y += previous.below + ROW * (generation - previous.generation) + above;
    const widths = ids.map((id) => (2 * (arounds.get(id)?.rings ?? 0) + 1) * COLUMN);
    let x = -widths.reduce((a, b) => a + b, 0) / 2;
    ids.forEach((id, i) => {
      positions[id] = [x + widths[i]! / 2, y];
      x += widths[i]!;
    });
    previous = { generation, below: Math.max(...ids.map(extent)) };
  }

  const groups: GroupBox[] = [];
  for (const around of arounds.values()) {
    const [ax, ay] = positions[around.anchor]!;
    ringCells(around.members.length, around.rings).forEach(([dx, dy], i) => {
      positions[around.members[i]!] = [ax + dx * COLUMN, ay + dy * CELL];
    });
    const span = around.rings;
    groups.push({
      id: `around:${around.anchor}`,
      name: `Relatives of ${byId.get(around.anchor)!.name} (generation not known)`,
      x0: ax - span * COLUMN - COLUMN / 2 + 4,
      y0: ay - span * CELL - TITLE + 10,
      x1: ax + span * COLUMN + COLUMN / 2 - 4,
      y1: ay + span * CELL + CELL - 10,
    });
  }
  for (const family of tree.families) {
    const points = family.members.map((m) => positions[m.id]).filter((p): p is [number, number] => Boolean(p));
    if (!points.length) continue;
    const xs = points.map((p) => p[0]),
      ys = points.map((p) => p[1]);
    groups.push({
      id: family.id,
      name: family.name,
      x0: Math.min(...xs) - PAD - 60,
      y0: Math.min(...ys) - PAD - 18,
      x1: Math.max(...xs) + PAD + 60,
      y1: Math.max(...ys) + PAD + 100,
    });
  }
  return { positions, groups: nestGroups(groups) };
}

/** Who is grouped around whom: only around someone who is in a row themselves. */
function aroundGroups(people: readonly Person[], byId: Map<string, Person>): Map<string, Around> {
  const arounds = new Map<string, Around>();
  for (const person of people) {
    const anchor = person.around ? byId.get(person.around) : undefined;
    if (!anchor || anchor.around || anchor.id === person.id) continue;
    const around = arounds.get(anchor.id) ?? { anchor: anchor.id, members: [], rings: 0 };
    around.members.push(person.id);
    arounds.set(anchor.id, around);
  }
  for (const around of arounds.values()) {
    // Ring r holds 8r cells: enough rings for everyone.
    let capacity = 0;
    while (capacity < around.members.length) capacity += 8 * ++around.rings;
  }
  return arounds;
}

/** Generation -> the people of that row, families kept together, adults before children. */
function rowsOf(tree: FamilyTree, inRing: ReadonlySet<string>): Map<number, string[]> {
  const generationOf = new Map(tree.people.map((p) => [p.id, p.generation ?? 0]));
  const rows = new Map<number, string[]>();
  const place = (id: string) => {
    const g = generationOf.get(id);
    if (g === undefined || inRing.has(id)) return;
    const row = rows.get(g) ?? [];
    if (!row.includes(id)) row.push(id);
    rows.set(g, row);
  };
  const families = [...tree.families].sort((a, b) => minGeneration(a, generationOf) - minGeneration(b, generationOf));
  for (const family of families) {
    for (const m of family.members.filter((m) => m.role !== 'child')) place(m.id);
    for (const m of family.members.filter((m) => m.role === 'child')) place(m.id);
  }
  for (const p of tree.people) place(p.id);
  return rows;
}

/**
 * Cells (in columns and rows from the centre) for `count` people in `rings` rings: each ring
 * clockwise from its top-left corner, its people spread evenly over it, so a few relatives
 * surround the person rather than line up beside them, and the corners fill before the cells
 * beside and above the person, which the links to their row and the next rows cross.
 */
export function ringCells(count: number, rings: number): [number, number][] {
  const cells: [number, number][] = [];
  let left = count;
  for (let r = 1; r <= rings && left > 0; r++) {
    const ring = ringOf(r);
    const take = Math.min(left, ring.length);
    for (let i = 0; i < take; i++) cells.push(ring[Math.floor((i * ring.length) / take)]!);
    left -= take;
  }
  return cells;
}

/** The 8r cells at Chebyshev distance r, clockwise from the top-left corner. */
function ringOf(r: number): [number, number][] {
  const cells: [number, number][] = [];
  for (let dx = -r; dx < r; dx++) cells.push([dx, -r]);
  for (let dy = -r; dy < r; dy++) cells.push([r, dy]);
  for (let dx = r; dx > -r; dx--) cells.push([dx, r]);
  for (let dy = r; dy > -r; dy--) cells.push([-r, dy]);
  return cells;
}

function minGeneration(family: FamilyTree['families'][number], generationOf: Map<string, number>): number {
  return Math.min(...family.members.map((m) => generationOf.get(m.id) ?? 0));
}

/** Overlapping boxes are inset a little so both outlines stay visible. */
function nestGroups(groups: GroupBox[]): GroupBox[] {
  return groups.map((g, i) => {
    const overlaps = groups.slice(0, i).filter((o) => o.x0 < g.x1 && g.x0 < o.x1 && o.y0 < g.y1 && g.y0 < o.y1).length;
    const inset = 8 * overlaps;
    return {
      ...g,
      x0: g.x0 + inset,
      y0: g.y0 + inset,
      x1: g.x1 - inset,
      y1: g.y1 - inset,
      labelAtBottom: overlaps % 2 === 1,
    };
  });
}
