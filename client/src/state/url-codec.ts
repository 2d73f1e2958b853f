import { CONFIDENCE_LEVELS, ENTITY_TYPE_NAMES, type Confidence, type EntityType } from '../api/types.js';
import { emptyViewState, type Expansion, type TimelineScope, type ViewState } from './view-state.js';

/**
 * ViewState <-> URL query string: the one codec (client/README.md). Short keys keep shared links
 * readable; decoding validates every value, so a hand-edited link cannot smuggle anything in.
 *
 *   s=seed,ids  x=id~limit~Type.Type  h=hidden  p=id~x~y  t=Types  r=RELTYPES  c=minConfidence
 *   from=YYYY-MM-DD  to=  asof=  mode=family  root=id  sel=n:id|e:id  path=from~to
 *   tl=people~id~id | family~id | facility~id | crossing~id  (the timeline, issue #5)
 */
const SEP = '~';
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[^,~\s]{1,120}$/;
const REL_TYPE = /^[A-Z_]{1,40}$/;

const ids = (text: string | null) => (text ? text.split(',').filter((id) => ID.test(id)) : []);
const isType = (t: string): t is EntityType => (ENTITY_TYPE_NAMES as readonly string[]).includes(t);
const isConfidence = (c: string): c is Confidence => (CONFIDENCE_LEVELS as readonly string[]).includes(c);
const date = (text: string | null) => (text && DATE.test(text) ? text : undefined);

export function encodeViewState(state: ViewState): string {
  const q = new URLSearchParams();
  const put = (key: string, value: string | undefined) => {
    if (value) q.set(key, value);
  };
  put('s', state.seeds.join(','));
  put(
    'x',
    state.expanded
      .map((e) => [e.id, String(e.limit), ...(e.types?.length ? [e.types.join('.')] : [])].join(SEP))
      .join(','),
  );
  put('h', state.hidden.join(','));
  put(
    'p',
    Object.entries(state.pinned)
      .map(([id, [x, y]]) => [id, Math.round(x), Math.round(y)].join(SEP))
      .join(','),
  );
  put('t', state.filters.types.join(','));
  put('r', state.filters.relTypes.join(','));
  put('c', state.filters.minConfidence);
  put('from', state.filters.from);
  put('to', state.filters.to);
  put('asof', state.asOf);
  if (state.layout !== 'force') put('mode', state.layout);
  put('root', state.familyRoot);
  if (state.selection) put('sel', `${state.selection.kind === 'node' ? 'n' : 'e'}:${state.selection.id}`);
  if (state.path) put('path', `${state.path.from}${SEP}${state.path.to}`);
  if (state.timeline) put('tl', [state.timeline.kind, ...state.timeline.ids].join(SEP));
  if (state.map) put('map', [state.map.lon.toFixed(3), state.map.lat.toFixed(3), state.map.zoom.toFixed(1)].join(','));
  return q.toString().replaceAll('%2C', ',').replaceAll('%7E', '~').replaceAll('%3A', ':');
}

export function decodeViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const state = emptyViewState();
  state.seeds = ids(q.get('s'));
  state.expanded = (q.get('x') ?? '')
    .split(',')
    .map(decodeExpansion)
    .filter((e): e is Expansion => e !== null);
  state.hidden = ids(q.get('h'));
  for (const part of (q.get('p') ?? '').split(',')) {
    const [id, x, y] = part.split(SEP);
    if (id && ID.test(id) && Number.isFinite(Number(x)) && Number.isFinite(Number(y)))
      state.pinned[id] = [Number(x), Number(y)];
  }
  state.filters.types = (q.get('t') ?? '').split(',').filter(isType);
  state.filters.relTypes = (q.get('r') ?? '').split(',').filter((r) => REL_TYPE.test(r));
  const confidence = q.get('c');
  if (confidence && isConfidence(confidence)) state.filters.minConfidence = confidence;
  state.filters.from = date(q.get('from'));
  state.filters.to = date(q.get('to'));
  state.asOf = date(q.get('asof'));
  state.map = mapView(q.get('map'));
  if (q.get('mode') === 'family') state.layout = 'family';
  const root = q.get('root');
  if (root && ID.test(root)) state.familyRoot = root;
  const sel = /^([ne]):(.+)$/.exec(q.get('sel') ?? '');
  if (sel && ID.test(sel[2]!)) state.selection = { kind: sel[1] === 'n' ? 'node' : 'edge', id: sel[2]! };
  const [from, to] = (q.get('path') ?? '').split(SEP);
  if (from && to && ID.test(from) && ID.test(to)) state.path = { from, to };
  const timeline = decodeTimeline(q.get('tl'));
  if (timeline) state.timeline = timeline;
  return state;
}

function decodeExpansion(text: string): Expansion | null {
  const [id, limit, types] = text.split(SEP);
  if (!id || !ID.test(id)) return null;
  const n = Number(limit ?? 50);
  const expansion: Expansion = { id, limit: Number.isInteger(n) && n > 0 && n <= 5000 ? n : 50 };
  const typeList = (types ?? '').split('.').filter(isType);
  if (typeList.length) expansion.types = typeList;
  return expansion;
}

function decodeTimeline(text: string | null): TimelineScope | null {
  const [kind, ...list] = (text ?? '').split(SEP);
  const valid = list.filter((id) => ID.test(id));
  if (kind === 'people' && valid.length > 0 && valid.length <= 50) return { kind, ids: valid };
  if ((kind === 'family' || kind === 'facility' || kind === 'crossing') && valid.length === 1)
    return { kind, ids: [valid[0]!] };
  return null;
}

/** `map=lon,lat,zoom`: the map's view, or nothing when any part is out of range. */
function mapView(text: string | null): ViewState['map'] {
  const [lon, lat, zoom] = (text ?? '').split(',').map(Number);
  const ok = (n: number | undefined, min: number, max: number): n is number =>
    n !== undefined && Number.isFinite(n) && n >= min && n <= max;
  return ok(lon, -180, 180) && ok(lat, -85, 85) && ok(zoom, 0, 18) ? { lon, lat, zoom } : undefined;
}
