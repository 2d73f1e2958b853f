import { ApiError, api } from '../api/client.js';
import { el } from '../dom.js';
import { CONFIDENCE_LEVELS, DEFAULT_CONFIDENCE } from '../../../graph/vocabulary/confidence.js';
import { type PersonFormValues, personRecord } from './person-record.js';

/**
 * "Add person" (issue 14, a first edit form): a modal dialog with a name, an optional birth date
 * (EDTF) and the claim behind them (source id, locator, verbatim excerpt, confidence). The server
 * checks it with the dataset file's schema; its message (naming each field) is shown as text.
 */
export function createPersonDialog(created: (id: string, name: string) => void): { open(): void } {
  const field = (id: keyof PersonFormValues, label: string, attrs: Record<string, string | boolean> = {}) => {
    const input = el('input', { id: `add-person-${id}`, name: id, ...attrs });
    return [el('label', { for: `add-person-${id}`, text: label }), input] as const;
  };
  const [nameLabel, name] = field('name', 'Name', { required: true, maxlength: '400' });
  const [birthLabel, birthDate] = field('birthDate', 'Birth date (EDTF, e.g. 1990~)', { maxlength: '100' });
  const [sourceLabel, source] = field('source', 'Source id', { required: true, maxlength: '120' });
  const [locatorLabel, locator] = field('locator', 'Locator (page, paragraph, timestamp)', { required: true });
  const excerpt = el('textarea', { id: 'add-person-excerpt', name: 'excerpt', required: true, rows: 3 });
  const confidence = el(
    'select',
    { id: 'add-person-confidence', name: 'confidence' },
    ...CONFIDENCE_LEVELS.map((level) => el('option', { value: level, selected: level === DEFAULT_CONFIDENCE }, level)),
  );
  const error = el('p', { className: 'error', id: 'add-person-error', role: 'alert' });
  const submit = el('button', { type: 'submit', className: 'primary' }, 'Add person');
  const form = el(
    'form',
    { className: 'sign-in-form', onsubmit: (event: Event) => void submitted(event) },
    nameLabel,
    name,
    birthLabel,
    birthDate,
    sourceLabel,
    source,
    locatorLabel,
    locator,
    el('label', { for: 'add-person-excerpt', text: 'Excerpt (verbatim, original language)' }),
    excerpt,
    el('label', { for: 'add-person-confidence', text: 'Confidence' }),
    confidence,
    error,
    el(
      'div',
      { className: 'dialog-actions' },
      el('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'),
      submit,
    ),
  );
  const dialog = el(
    'dialog',
    { className: 'sign-in-dialog', 'aria-labelledby': 'add-person-heading' },
    el('h2', { id: 'add-person-heading', text: 'Add a person, with the source that names them' }),
    form,
  );
  document.body.append(dialog);

  async function submitted(event: Event): Promise<void> {
    event.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    const values: PersonFormValues = {
      name: name.value,
      birthDate: birthDate.value,
      source: source.value,
      locator: locator.value,
      excerpt: excerpt.value,
      confidence: confidence.value as PersonFormValues['confidence'],
    };
    try {
      const reply = await api.createEntity({ body: personRecord(values) });
      dialog.close();
      form.reset();
      created(reply.entity.id, reply.entity.name);
    } catch (failure) {
      error.textContent = failure instanceof ApiError ? failure.message : 'Saving failed; try again.';
    } finally {
      submit.disabled = false;
    }
  }

  return {
    open() {
      error.textContent = '';
      dialog.showModal();
      name.focus();
    },
  };
}
