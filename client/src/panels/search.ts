import { api } from '../api/client.js';
import type { SearchHit } from '../api/types.js';
import { clear, el } from '../dom.js';
import { entityColour } from '../graph/style.js';

/**
 * The search box: any name or alias in any script. Hits are listed; choosing one (click or Enter)
 * drops it into the view. "Add all" drops every hit shown.
 */
export function createSearchPanel(form: HTMLFormElement, results: HTMLElement, onChoose: (ids: string[]) => void) {
  const input = form.querySelector('input')!;
  let token = 0;

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(input.value.trim());
  });

  async function run(text: string): Promise<void> {
    const mine = ++token;
    clear(results);
    if (!text) return;
    results.append(el('p', { className: 'loading', role: 'status', text: `Searching for “${text}”…` }));
    try {
      const page = await api.search({ query: { q: text, limit: 20 } });
      if (mine !== token) return;
      clear(results);
      if (!page.items.length) {
        results.append(
          el('p', {
            className: 'muted',
            role: 'status',
            text: `Nothing matches “${text}”. Try another spelling or script.`,
          }),
        );
        return;
      }
      results.append(
        el(
          'p',
          { className: 'muted', role: 'status', text: `${page.items.length}${page.hasMore ? '+' : ''} matches` },
          ' ',
          el(
            'button',
            { type: 'button', className: 'link-button', onclick: () => onChoose(page.items.map((h) => h.id)) },
            'Add all',
          ),
        ),
        el('ul', { className: 'hits' }, ...page.items.map(hitItem)),
      );
    } catch (error) {
      if (mine !== token) return;
      clear(results);
      results.append(
        el('p', { className: 'error', role: 'alert', text: `Search failed: ${(error as Error).message}` }),
      );
    }
  }

  function hitItem(hit: SearchHit): HTMLElement {
    return el(
      'li',
      {},
      el(
        'button',
        { type: 'button', className: 'hit', 'data-id': hit.id, onclick: () => onChoose([hit.id]) },
        typeDot(hit.type),
        el('span', { className: 'hit-name', text: hit.name }),
        el('span', { className: 'muted', text: ` ${hit.type}${hit.kind ? ` · ${hit.kind}` : ''}` }),
      ),
    );
  }

  return { run, focus: () => input.focus() };
}

/** A hit's type as a dot in the type's colour from the vocabulary. */
function typeDot(type: string): HTMLElement {
  const dot = el('span', { className: 'dot', 'aria-hidden': 'true' });
  dot.style.background = entityColour(type);
  return dot;
}
