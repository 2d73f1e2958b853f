import {
  ENTITY_TYPE_NAMES,
  type EntityDetail,
  type EntityType,
  type GraphEdge,
  type RelationshipView,
} from '../api/types.js';
import type { GraphCache } from '../data/graph-cache.js';
import type { RealizedView } from '../data/realize.js';
import { clear, el } from '../dom.js';
import { edgeLabel, entityColour } from '../graph/style.js';
import type { ViewCommands } from '../state/commands.js';
import type { Selection, ViewState } from '../state/view-state.js';
import { claimsBlock } from './claims.js';
import { describeEdtf } from '../timeline/edtf-text.js';
import { identifiersList, statementsBlock } from './statements.js';
import { ENTITY } from '../../../graph/vocabulary/entity-types.js';

export interface DetailsDeps {
  cache: GraphCache;
  commands: ViewCommands;
  state(): ViewState;
  realized(): RealizedView;
  positionOf(id: string): [number, number] | undefined;
  notify(message: string): void;
  /** "How are these two related?": remembers the first person picked. */
  relateFrom: { id?: string; name?: string };
  /** Edit, history and delete (client/src/edit/record-tools.ts). */
  tools: {
    forEntity(detail: EntityDetail): HTMLElement;
    forRelationship(edge: GraphEdge, title: string): HTMLElement;
  };
}

/** Entity fields that hold EDTF dates: shown in words. */
const DATE_PROPS: ReadonlySet<string> = new Set(['date', 'birthDate', 'deathDate']);

/** Relationships listed before "Show all": a hub's 200 would bury the evidence below them. */
const LIST_FIRST = 30;
const HIDDEN_PROPS = new Set([
  'id',
  'type',
  'name',
  'names',
  'protected',
  'synthetic',
  'description',
  'startEarliest',
  'startLatest',
  'endEarliest',
  'endLatest',
  'confidenceRank',
]);

/** The stored bounds of a birth or death date: the date itself is shown as written. */
const DATE_BOUNDS = /^(birth|death)Date(Start|End)(Earliest|Latest)$|^birthYear$/;

/** The details panel: what is selected, every claim about it, and what can be done with it. */
export function createDetailsPanel(root: HTMLElement, deps: DetailsDeps) {
  let token = 0;

  async function show(selection: Selection | undefined): Promise<void> {
    const mine = ++token;
    clear(root);
    if (!selection) {
      root.append(
        el('p', {
          className: 'muted empty',
          text: 'Select a node or an edge to read its details and the evidence behind it.',
        }),
      );
      return;
    }
    root.append(el('p', { className: 'loading', role: 'status', text: 'Loading details…' }));
    try {
      const content = selection.kind === 'node' ? await nodeDetails(selection.id) : await edgeDetails(selection.id);
      if (mine !== token) return;
      clear(root);
      root.append(content);
    } catch (error) {
      if (mine !== token) return;
      clear(root);
      root.append(
        el('p', { className: 'error', role: 'alert', text: `Could not load the details: ${(error as Error).message}` }),
      );
    }
  }

  async function nodeDetails(id: string): Promise<HTMLElement> {
    const detail = await deps.cache.entity(id);
    const entity = detail.entity;
    return el(
      'div',
      { className: 'details', 'data-kind': 'node', 'data-id': entity.id },
      el('h2', { className: 'entity-name', text: entity.name }),
      el(
        'p',
        { className: 'entity-type' },
        typeBadge(entity.type),
        entity.kind ? el('span', { className: 'badge', text: String(entity.kind) }) : null,
        entity.protected
          ? el('span', {
              className: 'badge protected',
              title: 'A protected person: only the pseudonym is shown',
              text: 'pseudonym',
            })
          : null,
      ),
      actions(detail),
      deps.tools.forEntity(detail),
      entity.description ? el('p', { className: 'description', text: String(entity.description) }) : null,
      namesList(detail),
      propertiesList(detail),
      identifiersList(detail),
      statementsBlock(detail, deps.notify),
      detail.claims.length ? el('h3', { text: 'Evidence' }) : null,
      detail.claims.length ? claimsBlock(detail.claims, { about: entity.name, notify: deps.notify }) : null,
      relationshipsList(detail),
    );
  }

  function actions(detail: EntityDetail): HTMLElement {
    const id = detail.entity.id;
    const state = deps.state();
    const more = deps.realized().moreNeighbours[id];
    const expanded = state.expanded.some((e) => e.id === id);
    const typeSelect = el(
      'select',
      { 'aria-label': 'Only neighbours of type', className: 'expand-types' },
      el('option', { value: '', text: 'all types' }),
      ...ENTITY_TYPE_NAMES.map((t) => el('option', { value: t, text: t })),
    );
    const pinned = Boolean(state.pinned[id]);
    const wrap = el(
      'div',
      { className: 'actions' },
      el(
        'button',
        {
          type: 'button',
          'data-action': 'expand',
          onclick: () => deps.commands.expand(id, typeSelect.value ? [typeSelect.value as EntityType] : undefined),
        },
        expanded && more
          ? `+${more} more`
          : expanded
            ? 'Expand again'
            : `Expand neighbours (${detail.relationshipCount})`,
      ),
      typeSelect,
      el('button', { type: 'button', 'data-action': 'hide', onclick: () => deps.commands.hide(id) }, 'Hide'),
      el(
        'button',
        {
          type: 'button',
          'data-action': 'pin',
          'aria-pressed': String(pinned),
          onclick: () => (pinned ? deps.commands.unpin(id) : deps.commands.pin(id, deps.positionOf(id) ?? [0, 0])),
        },
        pinned ? 'Unpin' : 'Pin',
      ),
    );
    if (detail.entity.type === ENTITY.Person) {
      wrap.append(
        el(
          'button',
          { type: 'button', 'data-action': 'family', onclick: () => deps.commands.setLayout('family', id) },
          'Family view',
        ),
      );
      const from = deps.relateFrom;
      if (from.id && from.id !== id) {
        wrap.append(
          el(
            'button',
            {
              type: 'button',
              'data-action': 'relate-to',
              onclick: () => {
                deps.commands.relate(from.id!, id);
                from.id = undefined;
              },
            },
            `How is ${from.name ?? 'that person'} related to this person?`,
          ),
        );
      } else {
        wrap.append(
          el(
            'button',
            {
              type: 'button',
              'data-action': 'relate-from',
              onclick: () => {
                from.id = id;
                from.name = detail.entity.name;
                deps.notify('Now select a second person and choose “How is … related”.');
              },
            },
            'How are these two related? (pick first)',
          ),
        );
      }
    }
    return wrap;
  }

  function namesList(detail: EntityDetail): HTMLElement | null {
    const names = detail.entity.names ?? [];
    if (names.length <= 1) return null;
    return el(
      'details',
      { className: 'names' },
      el('summary', { text: `${names.length} names and spellings` }),
      el(
        'ul',
        {},
        ...names.map((n) =>
          el(
            'li',
            {},
            el('span', { text: n.value, lang: n.lang }),
            el('span', { className: 'muted', text: ` ${[n.kind, n.script, n.lang].filter(Boolean).join(' · ')}` }),
          ),
        ),
      ),
    );
  }

  function propertiesList(detail: EntityDetail): HTMLElement | null {
    const rows = Object.entries(detail.entity).filter(
      ([key, value]) =>
        !HIDDEN_PROPS.has(key) &&
        !DATE_BOUNDS.test(key) &&
        key !== 'kind' &&
        value !== null &&
        typeof value !== 'object',
    );
    const arrays = Object.entries(detail.entity).filter(
      ([key, value]) => !HIDDEN_PROPS.has(key) && Array.isArray(value) && value.every((v) => typeof v !== 'object'),
    );
    const all = [...rows, ...arrays.map(([k, v]) => [k, (v as unknown[]).join(', ')] as const)];
    if (!all.length) return null;
    return el(
      'dl',
      { className: 'properties' },
      ...all.flatMap(([key, value]) => [
        el('dt', { text: key }),
        // Dates in words, with the EDTF they stand for (graph/dates/phrase.ts).
        DATE_PROPS.has(key) && typeof value === 'string'
          ? el('dd', { title: `EDTF ${value}`, text: describeEdtf(value) })
          : el('dd', { text: String(value) }),
      ]),
    );
  }

  function relationshipsList(detail: EntityDetail): HTMLElement {
    const items = detail.relationships.map((r) =>
      el(
        'li',
        {},
        el(
          'button',
          { type: 'button', className: 'link-button', 'data-edge': r.id, onclick: () => openRelationship(detail, r) },
          `${r.direction === 'out' ? '→' : '←'} ${edgeLabel(asEdge(detail, r))} `,
        ),
        el('span', { className: 'other', text: r.other.name }),
        el('span', { className: `badge confidence ${r.confidence}`, text: r.confidence }),
      ),
    );
    const more = detail.relationshipCount - detail.relationships.length;
    const list = el('ul', {}, ...items.slice(0, LIST_FIRST));
    const showAll =
      items.length > LIST_FIRST
        ? el(
            'button',
            {
              type: 'button',
              className: 'link-button',
              onclick: () => {
                list.append(...items.slice(LIST_FIRST));
                showAll?.remove();
              },
            },
            `Show all ${items.length}`,
          )
        : null;
    return el(
      'section',
      { className: 'relationships' },
      el('h3', { text: `Relationships (${detail.relationshipCount})` }),
      list,
      showAll,
      more > 0
        ? el('p', { className: 'muted', text: `${more} more not listed; expand the node to page through them.` })
        : null,
    );
  }

  function openRelationship(detail: EntityDetail, r: RelationshipView): void {
    if (!deps.realized().nodes.some((n) => n.id === r.other.id)) deps.commands.selectNodes([r.other.id]);
    deps.commands.select({ kind: 'edge', id: r.id });
    void detail;
  }

  async function edgeDetails(id: string): Promise<HTMLElement> {
    const edge = deps.cache.edges.get(id);
    if (!edge) throw new Error('this relationship is not in view');
    const relationship = await findRelationship(edge);
    const from = deps.cache.nodes.get(edge.source)?.name ?? edge.source;
    const to = deps.cache.nodes.get(edge.target)?.name ?? edge.target;
    const claims = relationship?.claims ?? [];
    return el(
      'div',
      { className: 'details', 'data-kind': 'edge', 'data-id': id },
      el(
        'h2',
        { className: 'edge-title' },
        el('span', { text: from }),
        el('span', { className: 'relation', text: ` ${edgeLabel(edge)} ` }),
        el('span', { text: to }),
      ),
      el(
        'p',
        {},
        el('span', { className: `badge confidence ${edge.confidence}`, text: edge.confidence }),
        edge.date
          ? el('span', { className: 'badge date', title: `EDTF ${edge.date}`, text: describeEdtf(edge.date) })
          : null,
      ),
      deps.tools.forRelationship(edge, `${from} ${edgeLabel(edge)} ${to}`),
      el('h3', { text: `Evidence (${claims.length})` }),
      claimsBlock(claims, { about: `${from} ${edgeLabel(edge)} ${to}`, notify: deps.notify }),
    );
  }

  async function findRelationship(edge: GraphEdge): Promise<RelationshipView | undefined> {
    for (const end of [edge.source, edge.target]) {
      const detail = await deps.cache.entity(end).catch(() => undefined);
      const found = detail?.relationships.find((r) => r.id === edge.id);
      if (found) return found;
    }
    return undefined;
  }

  return { show };
}

function asEdge(detail: EntityDetail, r: RelationshipView): GraphEdge {
  return {
    id: r.id,
    type: r.type,
    source: detail.entity.id,
    target: r.other.id,
    confidence: r.confidence,
    ...(r.role ? { role: r.role } : {}),
    ...(r.relation ? { relation: r.relation } : {}),
  };
}

/** The type badge, in the type's colour from the vocabulary. */
function typeBadge(type: string): HTMLElement {
  const badge = el('span', { className: 'badge type', text: type });
  badge.style.background = entityColour(type);
  return badge;
}
