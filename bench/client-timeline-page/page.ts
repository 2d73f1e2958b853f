import { createTimelineView } from '../../client/src/timeline/timeline-view.js';
import '../../client/src/timeline/timeline.css';
import { ENTITY } from '../../graph/vocabulary/entity-types.js';
import type { Timeline, TimelineItem } from '../../client/src/api/types.js';

const KINDS = ['detention', 'crossing', 'blocked-exit', 'trial', 'release', 'testimony'];
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** A synthetic timeline: `n` items over `rows` people, 2010-2024, with fuzzy and open-ended ranges. */
function synthetic(n: number, rows: number): Timeline {
  let seed = 7;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const t0 = Date.UTC(2010, 0, 1);
  const span = Date.UTC(2024, 0, 1) - t0;
  const items: TimelineItem[] = [];
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length]!;
    const start = t0 + rand() * span;
    const fuzz = rand() < 0.4 ? rand() * 300 * 86_400_000 : 0;
    const range = kind === 'detention' || kind === 'blocked-exit';
    const open = range && rand() < 0.3;
    const end = start + fuzz + (30 + rand() * 700) * 86_400_000;
    items.push({
      id: `i${i}`,
      eventId: `e${i}`,
      group: `p${i % rows}`,
      role: 'subject',
      kind,
      title: `${kind} ${i}`,
      edtf: range ? `${day(start)}/${open ? '..' : day(end)}` : day(start),
      start: { earliest: day(start), latest: day(start + fuzz) },
      end: range && !open ? { earliest: day(end - fuzz / 2), latest: day(end) } : null,
      openEnd: open ? 'open' : 'none',
      approximate: fuzz > 0,
      uncertain: rand() < 0.1,
      point: !range,
      claims: [
        {
          about: `e${i}`,
          source: { id: 's1', type: ENTITY.Source, name: 'Synthetic source' },
          locator: 'p. 1',
          excerpt: 'synthetic',
          confidence: 'probable',
        },
      ],
    } as TimelineItem);
  }
  return {
    groups: Array.from({ length: rows }, (_, r) => ({ id: `p${r}`, name: `Person ${r}` })),
    items,
    undated: [],
    truncated: false,
  };
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

async function run(n: number, rows: number) {
  const container = document.getElementById('timeline')!;
  const data = synthetic(n, rows);
  const view = createTimelineView(container, {
    selectItem: () => {},
    selectRow: () => {},
    brushed: () => {},
    asOfMoved: () => {},
  });
  const t0 = performance.now();
  view.show(data);
  await frame();
  await frame();
  const openMillis = performance.now() - t0;
  const drawn = container.querySelectorAll('.vis-item').length;
  // Zoom and scroll every frame for 3 s: frames per second while moving.
  const timeline = view.timeline!;
  const { start, end } = timeline.getWindow();
  const s0 = start.getTime();
  const w0 = end.getTime() - s0;
  let frames = 0;
  const began = performance.now();
  while (performance.now() - began < 3000) {
    const phase = (performance.now() - began) / 3000;
    const zoom = 0.25 + 0.75 * Math.abs(Math.cos(phase * Math.PI * 2));
    const width = w0 * zoom;
    const left = s0 + (w0 - width) * phase;
    timeline.setWindow(new Date(left), new Date(left + width), { animation: false });
    await frame();
    frames++;
  }
  const fps = frames / ((performance.now() - began) / 1000);
  // 300 rows stay scrollable: scroll the row panel to the bottom and check it moved.
  const left = container.querySelector<HTMLElement>('.vis-panel.vis-left');
  const scrollable = left ? left.scrollHeight > left.clientHeight : false;
  view.destroy();
  return {
    items: n,
    rows,
    openMillis: Math.round(openMillis),
    itemsDrawn: drawn,
    panZoomFps: Math.round(fps * 10) / 10,
    rowsScrollable: scrollable,
  };
}

declare global {
  interface Window {
    timelineBench: { run: typeof run };
  }
}
window.timelineBench = { run };
document.body.dataset.ready = 'true';
