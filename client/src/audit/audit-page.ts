import { AUDIT_ACTIONS, type AuditAction } from '../../../graph/views/audit.js';
import { api } from '../api/client.js';
import { el } from '../dom.js';
import './audit.css';
import { auditTable, verdictBanner } from './audit-table.js';

export interface AuditPageView {
  open(): void;
  close(): void;
}

/** What the page asks for: the filters, and where in the log it stands (the `before` cursors). */
interface AuditQueryState {
  action?: AuditAction;
  actor?: string;
  before?: number;
  /** The `before` of each newer page, so "Newer" walks back the way "Older" came. */
  newer: (number | undefined)[];
}

const PAGE_SIZE = 50;

/**
 * The audit page for admins (GET /api/audit): entries newest first, filtered by action and user,
 * paged older and newer, under a banner saying whether the whole chain verifies. It takes the
 * place of the graph while open (body[data-page="audit"]); "Back to the graph" returns.
 */
export function createAuditPage(root: HTMLElement): AuditPageView {
  let query: AuditQueryState = { newer: [] };
  let returnFocus: Element | null = null;
  let loads = 0;

  const heading = el('h2', { id: 'audit-heading', tabindex: -1, text: 'Audit log' });
  const back = el('button', { type: 'button', onclick: () => page.close() }, 'Back to the graph');
  const action = el(
    'select',
    { id: 'audit-action', name: 'action' },
    el('option', { value: '', text: 'Any action' }),
    ...AUDIT_ACTIONS.map((name) => el('option', { value: name, text: name })),
  );
  const actor = el('input', { id: 'audit-actor', name: 'actor', type: 'search', maxlength: 200 });
  const filters = el(
    'form',
    { className: 'audit-filters', onsubmit: (event: Event) => filtered(event) },
    el('label', { for: 'audit-action', text: 'Action' }),
    action,
    el('label', { for: 'audit-actor', text: 'User' }),
    actor,
    el('button', { type: 'submit' }, 'Filter'),
  );
  const verdict = el('div', { className: 'audit-verdict-slot' });
  const results = el('div', { className: 'audit-results', 'aria-live': 'polite' });
  const newer = el('button', { type: 'button', onclick: () => void turn('newer') }, 'Newer');
  const older = el('button', { type: 'button', onclick: () => void turn('older') }, 'Older');
  let nextBefore: number | null = null;
  root.replaceChildren(
    el('div', { className: 'audit-head' }, heading, back),
    verdict,
    filters,
    results,
    el('nav', { className: 'audit-pager', 'aria-label': 'Audit pages' }, newer, older),
  );

  function filtered(event: Event): void {
    event.preventDefault();
    query = {
      action: (action.value || undefined) as AuditAction | undefined,
      actor: actor.value.trim() || undefined,
      newer: [],
    };
    void load();
  }

  async function turn(direction: 'newer' | 'older'): Promise<void> {
    if (direction === 'older' && nextBefore !== null) {
      query = { ...query, newer: [...query.newer, query.before], before: nextBefore };
    } else if (direction === 'newer' && query.newer.length) {
      query = { ...query, before: query.newer.at(-1), newer: query.newer.slice(0, -1) };
    }
    await load();
  }

  async function load(): Promise<void> {
    const mine = ++loads;
    results.setAttribute('aria-busy', 'true');
    try {
      const answer = await api.audit({
        query: { limit: PAGE_SIZE, before: query.before, action: query.action, actor: query.actor },
      });
      if (mine !== loads) return;
      nextBefore = answer.nextBefore;
      verdict.replaceChildren(verdictBanner(answer));
      results.replaceChildren(auditTable(answer));
    } catch (error) {
      if (mine !== loads) return;
      nextBefore = null;
      results.replaceChildren(
        el('p', { className: 'error', text: `The audit log could not be read: ${(error as Error).message}` }),
      );
    } finally {
      if (mine === loads) {
        results.removeAttribute('aria-busy');
        newer.disabled = query.newer.length === 0;
        older.disabled = nextBefore === null;
      }
    }
  }

  const page: AuditPageView = {
    open() {
      returnFocus = document.activeElement;
      root.hidden = false;
      document.body.dataset.page = 'audit';
      heading.focus();
      void load();
    },
    close() {
      root.hidden = true;
      delete document.body.dataset.page;
      if (returnFocus instanceof HTMLElement && returnFocus.isConnected) returnFocus.focus();
    },
  };
  return page;
}
