import { api } from '../api/client.js';
import { el } from '../dom.js';
import { claimFields } from './claim-fields.js';
import { formDialog } from './form-dialog.js';
import { type PersonFormValues, personRecord } from './person-record.js';

/**
 * "Add person" (issue 14): a modal dialog with a name, an optional birth date (EDTF) and the claim
 * behind them (source id, locator, verbatim excerpt, confidence). The server checks it with the
 * dataset file's schema; its message (naming each field) is shown as text.
 */
export function createPersonDialog(created: (id: string, name: string) => void): { open(): void } {
  const field = (id: 'name' | 'birthDate', label: string, attrs: Record<string, string | boolean> = {}) => {
    const input = el('input', { id: `add-person-${id}`, name: id, ...attrs });
    return [el('label', { for: `add-person-${id}`, text: label }), input] as const;
  };
  const [nameLabel, name] = field('name', 'Name', { required: true, maxlength: '400' });
  const [birthLabel, birthDate] = field('birthDate', 'Birth date (EDTF, e.g. 1990~)', { maxlength: '100' });
  const claim = claimFields('add-person');
  const dialog = formDialog({
    id: 'add-person',
    heading: 'Add a person, with the source that names them',
    submitLabel: 'Add person',
    fields: () => [nameLabel, name, birthLabel, birthDate, ...claim.elements],
    async submit() {
      const values: PersonFormValues = { name: name.value, birthDate: birthDate.value, claim: claim.value() };
      const reply = await api.createEntity({ body: personRecord(values) });
      for (const input of [name, birthDate]) input.value = '';
      claim.reset();
      created(reply.entity.id, reply.entity.name);
    },
  });
  return { open: dialog.open };
}
