import type { ViewCommands } from '../state/commands.js';
import type { ViewStore } from '../state/store.js';
import type { GraphView } from './graph-view.js';

/**
 * Keyboard access to the canvas: arrows move a focus ring through the nodes (alphabetical),
 * Enter selects, E expands, H hides, P pins, F opens the family view, +/- zoom, 0 fits,
 * Escape clears the selection. Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo anywhere.
 */
export function wireKeyboard(
  canvas: HTMLCanvasElement,
  graph: GraphView,
  store: ViewStore,
  commands: ViewCommands,
  announce: (m: string) => void,
) {
  let focusId: string | undefined;

  const ordered = () => [...graph.scene.nodes].sort((a, b) => a.data.name.localeCompare(b.data.name));
  const moveFocus = (step: number) => {
    const nodes = ordered();
    if (!nodes.length) return;
    const at = nodes.findIndex((n) => n.id === focusId);
    const next = nodes[(at + step + nodes.length) % nodes.length]!;
    focusId = next.id;
    graph.reveal(next.id);
    graph.setHighlight({ ...graph.highlight, focusNode: next.id });
    announce(`${next.data.name}, ${next.data.type}`);
  };

  canvas.addEventListener('keydown', (event) => {
    const id = focusId ?? (store.state.selection?.kind === 'node' ? store.state.selection.id : undefined);
    const handled = true;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        moveFocus(1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        moveFocus(-1);
        break;
      case 'Enter':
      case ' ':
        if (id) commands.select({ kind: 'node', id });
        break;
      case 'e':
      case 'E':
        if (id) commands.expand(id);
        break;
      case 'h':
      case 'H':
        if (id) {
          commands.hide(id);
          focusId = undefined;
        }
        break;
      case 'p':
      case 'P':
        if (id) {
          const n = graph.scene.node(id);
          if (n) n.pinned ? commands.unpin(id) : commands.pin(id, [n.x, n.y]);
        }
        break;
      case 'f':
      case 'F':
        if (id) commands.setLayout('family', id);
        break;
      case '+':
      case '=':
        graph.zoomBy(1.3);
        break;
      case '-':
        graph.zoomBy(1 / 1.3);
        break;
      case '0':
        graph.fit();
        break;
      case 'Escape':
        commands.select(undefined);
        break;
      default:
        return;
    }
    if (handled) event.preventDefault();
  });

  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) return;
    if (!(event.ctrlKey || event.metaKey)) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      commands.undo();
      event.preventDefault();
    } else if ((key === 'z' && event.shiftKey) || key === 'y') {
      commands.redo();
      event.preventDefault();
    }
  });
}
