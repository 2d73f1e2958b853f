import { CONFIDENCE_LEVELS, ENTITY_TYPE_NAMES, type Confidence, type EntityType } from '../api/types.js';
import { clear, el } from '../dom.js';
import { RELATIONSHIP_TYPE_NAMES } from '../graph/relationship-types.js';
import type { ViewCommands } from '../state/commands.js';
import type { Filters } from '../state/view-state.js';

/** The filter panel: entity types, relationship types, minimum confidence, a date window. */
export function createFilterPanel(root: HTMLElement, commands: ViewCommands) {
  function render(filters: Filters): void {
    clear(root);
    const typeBoxes = ENTITY_TYPE_NAMES.map((type) =>
      checkbox(type, filters.types.length === 0 || filters.types.includes(type), 'filter-type'),
    );
    const relBoxes = RELATIONSHIP_TYPE_NAMES.map((type) =>
      checkbox(
        type,
        filters.relTypes.length === 0 || filters.relTypes.includes(type),
        'filter-rel',
        type.toLowerCase().replaceAll('_', ' '),
      ),
    );
    const confidence = el(
      'select',
      { name: 'minConfidence', 'aria-label': 'Minimum confidence' },
      el('option', { value: '', text: 'any confidence' }),
      ...CONFIDENCE_LEVELS.slice(0, 3).map((c) =>
        el('option', { value: c, text: `${c} or stronger`, selected: filters.minConfidence === c }),
      ),
    );
    const from = el('input', { type: 'date', name: 'from', value: filters.from ?? '', 'aria-label': 'From date' });
    const to = el('input', { type: 'date', name: 'to', value: filters.to ?? '', 'aria-label': 'To date' });
    const apply = () => {
      const types = checked(typeBoxes) as EntityType[];
      const relTypes = checked(relBoxes);
      commands.setFilters({
        types: types.length === ENTITY_TYPE_NAMES.length ? [] : types,
        relTypes: relTypes.length === RELATIONSHIP_TYPE_NAMES.length ? [] : relTypes,
        minConfidence: (confidence.value || undefined) as Confidence | undefined,
        from: from.value || undefined,
        to: to.value || undefined,
      });
    };
    root.append(
      el('fieldset', {}, el('legend', { text: 'Entity types' }), ...typeBoxes),
      el('fieldset', {}, el('legend', { text: 'Relationships' }), ...relBoxes),
      el(
        'fieldset',
        {},
        el('legend', { text: 'Evidence and dates' }),
        confidence,
        el('label', {}, 'from ', from),
        el('label', {}, 'to ', to),
      ),
      el(
        'div',
        { className: 'actions' },
        el('button', { type: 'button', 'data-action': 'apply-filters', onclick: apply }, 'Apply filters'),
        el(
          'button',
          {
            type: 'button',
            onclick: () =>
              commands.setFilters({
                types: [],
                relTypes: [],
                minConfidence: undefined,
                from: undefined,
                to: undefined,
              }),
          },
          'Reset',
        ),
      ),
    );
  }
  return { render };
}

function checkbox(value: string, on: boolean, name: string, label = value): HTMLLabelElement {
  return el('label', { className: 'check' }, el('input', { type: 'checkbox', name, value, checked: on }), ` ${label}`);
}

function checked(labels: HTMLLabelElement[]): string[] {
  return labels
    .map((l) => l.querySelector('input')!)
    .filter((i) => i.checked)
    .map((i) => i.value);
}
