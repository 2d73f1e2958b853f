import type { Confidence, EntityType, TimelineScope } from '../api/types.js';

/** One expansion of a node's neighbours: a page of `limit`, optionally only some entity types. */
export interface Expansion {
  id: string;
  limit: number;
  types?: EntityType[];
}

export interface Filters {
  /** Entity types shown; empty means all. */
  types: EntityType[];
  /** Relationship types shown; empty means all. */
  relTypes: string[];
  minConfidence?: Confidence;
  /** Date window (YYYY-MM-DD), set by the filter panel or brushed on the timeline. */
  from?: string;
  to?: string;
}

export type Selection = { kind: 'node' | 'edge'; id: string };

/** Whose timeline is open (issue #5): the shape the timeline route takes (graph/views). */
export type { TimelineScope };
export type LayoutMode = 'force' | 'family';

/** The map's view (issue 16): its centre and Web Mercator zoom level; absent when the map is closed. */
export interface MapView {
  lon: number;
  lat: number;
  zoom: number;
}

/**
 * Everything a researcher sees, and nothing derived: the graph drawn is a pure function of this
 * state and the data fetched for it (client/README.md: views are functions of their state). The URL encodes it
 * (url-codec.ts), and undo/redo steps through its history (store.ts).
 */
export interface ViewState {
  seeds: string[];
  expanded: Expansion[];
  hidden: string[];
  /** Pinned nodes and where (graph coordinates, rounded). */
  pinned: Record<string, [number, number]>;
  filters: Filters;
  /** The graph as it stood on a date (issue #5); YYYY-MM-DD. */
  asOf?: string;
  /** The timeline shown under the graph; when absent it follows the selected node. */
  timeline?: TimelineScope;
  layout: LayoutMode;
  familyRoot?: string;
  selection?: Selection;
  /** "How are these two related?" */
  path?: { from: string; to: string };
  map?: MapView;
}

export function emptyViewState(): ViewState {
  return { seeds: [], expanded: [], hidden: [], pinned: {}, filters: { types: [], relTypes: [] }, layout: 'force' };
}
