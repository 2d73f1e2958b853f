import type { FamilyTree } from '../api/types.js';
import type { GroupBox } from './renderer.js';

const ROW = 170;
const COLUMN = 170;
const PAD = 40;

export interface FamilyLayout {
  positions: Record<string, [number, number]>;
  groups: GroupBox[];
}

/**
 * Kinship generations as rows: parents above children, partners side by side, each family a box
 * around its members (issue #4, family view). Within a row, people keep their family together, and
 * a family's children sit under the middle of their parents where the row allows.
 */
export function familyLayout(tree: FamilyTree): FamilyLayout {
  const generationOf = new Map(tree.people.map((p) => [p.id, p.generation ?? 0]));
  const rows = new Map<number, string[]>();
  const place = (id: string) => {
    const g = generationOf.get(id);
    if (g === undefined) return;
    const row = rows.get(g) ?? [];
    if (!row.includes(id)) row.push(id);
    rows.set(g, row);
  };
  const families = [...tree.families].sort((a, b) => minGeneration(a, generationOf) - minGeneration(b, generationOf));
  for (const family of families) {
    const adults = family.members.filter((m) => m.role !== 'child');
    for (const m of adults) place(m.id);
    for (const m of family.members.filter((m) => m.role === 'child')) place(m.id);
  }
  for (const p of tree.people) place(p.id);

  const positions: Record<string, [number, number]> = {};
  for (const [generation, ids] of rows) {
    const width = (ids.length - 1) * COLUMN;
    ids.forEach((id, i) => {
      positions[id] = [i * COLUMN - width / 2, generation * ROW];
    });
  }
  const groups: GroupBox[] = [];
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
