import { emptyViewState, type ViewState } from './view-state.js';

export type Change = { state: ViewState; previous: ViewState; reason: string };
type Listener = (change: Change) => void;

const HISTORY_LIMIT = 200;

/**
 * The one place view state lives. Every change goes through `update`; changes marked as view
 * changes are recorded for undo/redo. Panels, the graph and (later) the timeline subscribe.
 */
export class ViewStore {
  private current: ViewState;
  private past: ViewState[] = [];
  private future: ViewState[] = [];
  private listeners = new Set<Listener>();

  constructor(initial: ViewState = emptyViewState()) {
    this.current = initial;
  }

  get state(): ViewState {
    return this.current;
  }
  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Applies `change` to a copy of the state; `record: false` for selection-only or replayed changes. */
  update(reason: string, change: (draft: ViewState) => void, options: { record?: boolean } = {}): void {
    const draft = structuredClone(this.current);
    change(draft);
    if (options.record !== false) {
      this.past.push(this.current);
      if (this.past.length > HISTORY_LIMIT) this.past.shift();
      this.future = [];
    }
    this.emit(draft, reason);
  }

  replace(state: ViewState, reason: string): void {
    this.past = [];
    this.future = [];
    this.emit(state, reason);
  }

  undo(): void {
    const previous = this.past.pop();
    if (!previous) return;
    this.future.push(this.current);
    this.emit(previous, 'undo');
  }

  redo(): void {
    const next = this.future.pop();
    if (!next) return;
    this.past.push(this.current);
    this.emit(next, 'redo');
  }

  private emit(state: ViewState, reason: string): void {
    const previous = this.current;
    this.current = state;
    for (const listener of this.listeners) listener({ state, previous, reason });
  }
}
