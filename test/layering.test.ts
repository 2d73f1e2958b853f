import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { expect, it } from 'vitest';

/**
 * The layers, lowest first (issue 11, layering). A module may import its own folder and any
 * lower tier, never a higher one nor another folder of its own tier, so no two folders import
 * each other. Type-only and dynamic imports count too.
 */
const TIERS: readonly (readonly string[])[] = [
  ['graph/config'],
  ['graph/db', 'graph/neo4j', 'graph/search'],
  ['graph/dates'],
  ['graph/vocabulary'],
  ['graph/schema'],
  ['graph/views'],
  ['graph/access', 'graph/audit'],
  ['graph/safety', 'graph/read'],
  ['graph/store'],
  ['graph/revisions'],
  ['graph/queries', 'graph/backup'],
  ['graph/patterns'],
  ['graph/import'],
  ['graph/export'],
  ['graph/write'],
  ['seeds', 'server/contract'],
  ['server', 'client'],
  ['cli'],
  ['test', 'scripts'],
  ['bench'],
];

const tierOf = new Map(TIERS.flatMap((units, tier) => units.map((unit) => [unit, tier] as const)));

/** The layer a file belongs to: its folder under graph/, server/contract, or its top-level folder. */
function unitOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'graph')
    return parts.length === 2 ? `graph/${parts[1]!.replace(/\.[jt]s$/, '')}` : `graph/${parts[1]}`;
  if (parts[0] === 'server' && parts[1] === 'contract') return 'server/contract';
  return parts[0]!;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sources(path);
    return /\.(ts|mts|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

function imports(): { from: string; to: string }[] {
  return ['graph', 'server', 'cli', 'client/src', 'seeds', 'bench'].flatMap(sources).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => ({
      from: file,
      to: relative('.', normalize(join(dirname(file), m[1]!))),
    })),
  );
}

it('declares a layer for every folder that holds code', () => {
  const unknown = [...new Set(imports().flatMap(({ from, to }) => [unitOf(from), unitOf(to)]))].filter(
    (unit) => !tierOf.has(unit) && unit !== 'node_modules',
  );
  expect(unknown).toEqual([]);
});

it('no module imports a higher layer, or another folder of its own layer', () => {
  const upward = imports()
    .filter(({ from, to }) => {
      const [a, b] = [unitOf(from), unitOf(to)];
      if (a === b || !tierOf.has(b)) return false;
      return tierOf.get(b)! >= tierOf.get(a)!;
    })
    .map(({ from, to }) => `${from} -> ${to}`);
  expect(upward).toEqual([]);
});
