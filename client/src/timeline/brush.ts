import type { Timeline } from 'vis-timeline/peer';
import { el } from '../dom.js';

/**
 * Brushing a time window on the timeline: after `start()`, a drag over the items draws a band;
 * releasing it reports the dates under its ends. The graph's window filter is shown as a band too.
 */
export function createBrush(
  container: HTMLElement,
  view: () => Timeline | undefined,
  done: (from: Date, to: Date) => void,
) {
  const band = el('div', { className: 'tl-brush', hidden: true });
  const windowBand = el('div', { className: 'tl-window', hidden: true });
  container.append(band, windowBand);
  let shown: { from?: string; to?: string } = {};

  const center = () => container.querySelector<HTMLElement>('.vis-panel.vis-center');
  const dateAt = (clientX: number): Date => {
    const timeline = view()!;
    const panel = center()!.getBoundingClientRect();
    const { start, end } = timeline.getWindow();
    return new Date(start.getTime() + ((clientX - panel.left) / panel.width) * (end.getTime() - start.getTime()));
  };
  const xOf = (date: Date): number => {
    const { start, end } = view()!.getWindow();
    const panel = center()!.getBoundingClientRect();
    return (
      panel.left -
      container.getBoundingClientRect().left +
      ((date.getTime() - start.getTime()) / (end.getTime() - start.getTime())) * panel.width
    );
  };

  function drawWindow(): void {
    const panel = center();
    if (!view() || !panel || (!shown.from && !shown.to)) {
      windowBand.hidden = true;
      return;
    }
    const { start, end } = view()!.getWindow();
    const left = Math.max(xOf(shown.from ? new Date(shown.from) : start), xOf(start));
    const right = Math.min(xOf(shown.to ? new Date(shown.to) : end), xOf(end));
    windowBand.hidden = right <= left;
    windowBand.style.left = `${left}px`;
    windowBand.style.width = `${Math.max(0, right - left)}px`;
    windowBand.style.top = `${panel.offsetTop}px`;
    windowBand.style.height = `${panel.offsetHeight}px`;
  }

  return {
    start(): void {
      const panel = center();
      if (!panel) return;
      container.classList.add('brushing');
      const onDown = (down: PointerEvent) => {
        down.preventDefault();
        down.stopPropagation();
        const origin = container.getBoundingClientRect();
        const x0 = down.clientX;
        band.hidden = false;
        band.style.top = `${panel.offsetTop}px`;
        band.style.height = `${panel.offsetHeight}px`;
        const move = (e: PointerEvent) => {
          band.style.left = `${Math.min(x0, e.clientX) - origin.left}px`;
          band.style.width = `${Math.abs(e.clientX - x0)}px`;
        };
        move(down);
        const up = (e: PointerEvent) => {
          window.removeEventListener('pointermove', move, true);
          window.removeEventListener('pointerup', up, true);
          band.hidden = true;
          container.classList.remove('brushing');
          if (Math.abs(e.clientX - x0) > 3) {
            const [a, b] = [dateAt(x0), dateAt(e.clientX)].sort((p, q) => p.getTime() - q.getTime());
            done(a!, b!);
          }
        };
        window.addEventListener('pointermove', move, true);
        window.addEventListener('pointerup', up, true);
      };
      container.addEventListener('pointerdown', onDown as EventListener, { capture: true, once: true });
    },
    showWindow(from: string | undefined, to: string | undefined): void {
      shown = { from, to };
      drawWindow();
      view()?.off('changed', drawWindow);
      view()?.on('changed', drawWindow);
    },
  };
}
