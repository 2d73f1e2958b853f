import { describe, expect, it } from 'vitest';
import type { FamilyTree } from '../client/src/api/types.js';
import { GraphCache } from '../client/src/data/graph-cache.js';
import { overlapsWindow, realize } from '../client/src/data/realize.js';
import { familyLayout } from '../client/src/graph/family-layout.js';
import { createHitTester, distanceToSegment } from '../client/src/graph/hit-test.js';
import { Scene } from '../client/src/graph/scene.js';
import { decodeViewState, encodeViewState } from '../client/src/state/url-codec.js';
import { ViewStore } from '../client/src/state/store.js';
import { viewCommands } from '../client/src/state/commands.js';
import { emptyViewState, type ViewState } from '../client/src/state/view-state.js';

const person = (id: string, name = id) => ({ id, type: 'Person' as const, name });

describe('URL codec', () => {
  it('round-trips a full view state', () => {
    const state: ViewState = {
      seeds: ['person-a', 'anon-7f3'],
      expanded: [{ id: 'person-a', limit: 100, types: ['Person', 'Event'] }],
      hidden: ['org-x'],
      pinned: { 'person-a': [12, -40] },
      filters: {
        types: ['Person'],
        relTypes: ['PARENT_OF'],
        minConfidence: 'probable',
        from: '2017-01-01',
        to: '2019-04-13',
      },
      asOf: '2019-04-13',
      layout: 'family',
      familyRoot: 'anon-7f3',
      selection: { kind: 'edge', id: 'rel-1' },
      path: { from: 'person-a', to: 'anon-7f3' },
    };
    expect(decodeViewState(encodeViewState(state))).toEqual(state);
  });

  it('drops values a hand-edited link should not carry', () => {
    const state = decodeViewState(
      '?s=a,b%20c,%3Cscript%3E&t=Person,Bogus&c=certain&from=2019-13-45&asof=yesterday&mode=graph&x=a~99999',
    );
    expect(state.seeds).toEqual(['a', '<script>']);
    expect(state.filters.types).toEqual(['Person']);
    expect(state.filters.minConfidence).toBeUndefined();
    expect(state.asOf).toBeUndefined();
    expect(state.layout).toBe('force');
    expect(state.expanded).toEqual([{ id: 'a', limit: 50 }]);
  });
});

describe('store and commands', () => {
  it('undoes and redoes view changes but not selections', () => {
    const store = new ViewStore();
    const commands = viewCommands(store);
    commands.selectNodes(['a']);
    commands.expand('a');
    commands.expand('a');
    commands.select({ kind: 'node', id: 'b' });
    expect(store.state.expanded).toEqual([{ id: 'a', limit: 100 }]);
    commands.undo();
    expect(store.state.expanded).toEqual([{ id: 'a', limit: 50 }]);
    commands.redo();
    expect(store.state.expanded).toEqual([{ id: 'a', limit: 100 }]);
  });
});

describe('realize', () => {
  it('draws seeds and expansions minus hidden, with the edges among them', () => {
    const cache = new GraphCache();
    ['a', 'b', 'c'].forEach((id) => {
      cache.addNode(person(id));
    });
    cache.addEdge({ id: 'e1', type: 'PARENT_OF', source: 'a', target: 'b', confidence: 'confirmed' });
    cache.addEdge({ id: 'e2', type: 'PARENT_OF', source: 'a', target: 'c', confidence: 'doubtful' });
    cache.expansions.set('a|50|', { nodeIds: ['a', 'b', 'c'], hidden: 140 });
    const state = { ...emptyViewState(), seeds: ['a'], expanded: [{ id: 'a', limit: 50 }], hidden: ['c'] };
    const view = realize(state, cache);
    expect(view.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    expect(view.edges.map((e) => e.id)).toEqual(['e1']);
    expect(view.moreNeighbours).toEqual({ a: 140 });
    const strict = realize({ ...state, hidden: [], filters: { ...state.filters, minConfidence: 'probable' } }, cache);
    expect(strict.edges.map((e) => e.id)).toEqual(['e1']);
  });

  it('compares EDTF dates with a window, open ends reaching forever', () => {
    expect(overlapsWindow('2016~/..', '2019-01-01', '2019-12-31')).toBe(true);
    expect(overlapsWindow('2012/2014', '2019-01-01', undefined)).toBe(false);
    expect(overlapsWindow(undefined, '2019-01-01', '2019-02-01')).toBe(true);
  });
});

describe('hit testing', () => {
  it('finds the node under a point and the edge near it', () => {
    const scene = new Scene();
    scene.setGraph(
      [person('a'), person('b')],
      [{ id: 'e', type: 'SIBLING_OF', source: 'a', target: 'b', confidence: 'probable' }],
      { a: [0, 0], b: [100, 0] },
    );
    const hits = createHitTester(() => 8);
    hits.invalidate(scene.nodes);
    expect(hits.nodeAt(3, 4)?.id).toBe('a');
    expect(hits.nodeAt(50, 0)).toBeUndefined();
    expect(hits.edgeAt(scene.edges, 50, 3, 5)?.id).toBe('e');
    expect(distanceToSegment(50, 10, 0, 0, 100, 0)).toBe(10);
  });
});

describe('family layout', () => {
  it('puts parents above children and partners side by side, with a box per family', () => {
    const tree = {
      root: person('kid'),
      people: [
        { ...person('dad'), generation: -1 },
        { ...person('mum'), generation: -1 },
        { ...person('kid'), generation: 0 },
        { ...person('sis'), generation: 0 },
      ],
      edges: [],
      truncated: false,
      families: [
        {
          id: 'f',
          name: 'Family F',
          members: [
            { id: 'dad', role: 'parent' },
            { id: 'mum', role: 'parent' },
            { id: 'kid', role: 'child' },
            { id: 'sis', role: 'child' },
          ],
        },
      ],
    } as FamilyTree;
    const { positions, groups } = familyLayout(tree);
    expect(positions.dad![1]).toBeLessThan(positions.kid![1]);
    expect(positions.dad![1]).toBe(positions.mum![1]);
    expect(Math.abs(positions.dad![0] - positions.mum![0])).toBeLessThan(200);
    expect(groups.map((g) => g.name)).toEqual(['Family F']);
  });
});
