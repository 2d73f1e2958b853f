import { MAX_PATTERN_PAGE as limit } from '../../../graph/views/page.js';
import { api } from '../api/client.js';
import type { DatedEventView, EntityView } from '../api/types.js';
import { el } from '../dom.js';
import { describeEdtf } from '../timeline/edtf-text.js';

/** One result of a pattern query: who it is about and the evidence behind it. */
export interface PatternHit {
  label: string;
  detail: string;
  certainty: string;
  people: EntityView[];
  events: DatedEventView[];
}

export interface PatternsDeps {
  open(peopleIds: readonly string[], heading: string, events: readonly DatedEventView[]): void;
  asOf(): string | undefined;
}

interface PatternSpec {
  id: string;
  name: string;
  fields: { name: string; label: string; type: 'date' | 'number' | 'text'; value: () => string }[];
  run(values: Record<string, string>): Promise<PatternHit[]>;
}

const when = (e: DatedEventView) => (e.edtf ? describeEdtf(e.edtf, e.phrase) : 'undated');
const num = (text: string | undefined, fallback: number) =>
  text && Number.isFinite(Number(text)) ? Number(text) : fallback;
const opt = (text: string | undefined) => (text ? text : undefined);

function specs(deps: PatternsDeps): PatternSpec[] {
  return [
    {
      id: 'orphaned',
      name: 'Orphaned children on a date',
      fields: [{ name: 'date', label: 'Date', type: 'date', value: () => deps.asOf() ?? '2019-04-13' }],
      run: async (v) =>
        (await api.orphanedChildren({ query: { date: v.date!, limit } })).items.map((o) => ({
          label: o.child.name,
          certainty: o.certainty,
          detail: `parents: ${o.parents.map((p) => `${p.parent.name} (${p.certainty})`).join(', ')}${o.carers.length ? ` · carers: ${o.carers.map((c) => c.person.name).join(', ')}` : ''}`,
          people: [o.child, ...o.parents.map((p) => p.parent), ...o.carers.map((c) => c.person)],
          events: o.parents.flatMap((p) => p.events),
        })),
    },
    {
      id: 'crossing',
      name: 'Crossed a border post, then detained',
      fields: [
        { name: 'crossing', label: 'Border crossing id', type: 'text', value: () => '' },
        { name: 'days', label: 'Within days', type: 'number', value: () => '30' },
        { name: 'from', label: 'Crossed from', type: 'date', value: () => '' },
        { name: 'to', label: 'Crossed to', type: 'date', value: () => '' },
      ],
      run: async (v) =>
        (
          await api.crossingDetentions({
            query: { crossing: v.crossing ?? '', days: num(v.days, 30), from: opt(v.from), to: opt(v.to), limit },
          })
        ).items.map((h) => ({
          label: h.person.name,
          certainty: h.certainty,
          detail: `crossed ${when(h.crossing)}, detained ${when(h.detention)} (${h.gapDays.min ?? '?'}–${h.gapDays.max ?? '?'} days later)`,
          people: [h.person],
          events: [h.crossing, h.detention],
        })),
    },
    {
      id: 'cascades',
      name: 'Detention cascades among relatives',
      fields: [
        { name: 'days', label: 'Within days', type: 'number', value: () => '30' },
        { name: 'from', label: 'From', type: 'date', value: () => '' },
        { name: 'to', label: 'To', type: 'date', value: () => '' },
      ],
      run: async (v) =>
        (
          await api.detentionCascades({ query: { days: num(v.days, 30), from: opt(v.from), to: opt(v.to), limit } })
        ).items.map((c) => ({
          label: `${c.people[0].name} & ${c.people[1].name}`,
          certainty: c.certainty,
          detail: `${c.kinship.map((k) => k.relation ?? k.type.toLowerCase()).join(', ')}: detained ${when(c.detentions[0])} and ${when(c.detentions[1])}`,
          people: [...c.people],
          events: [...c.detentions],
        })),
    },
    {
      id: 'co-detention',
      name: 'Held at the same facility',
      fields: [{ name: 'facility', label: 'Facility id (empty: all)', type: 'text', value: () => '' }],
      run: async (v) =>
        (await api.coDetention({ query: { facility: opt(v.facility), limit } })).items.map((c) => ({
          label: `${c.people[0].name} & ${c.people[1].name}`,
          certainty: c.certainty,
          detail: `${c.facility.name}: together ${c.overlap.certain ? `certainly ${c.overlap.certain.from} – ${c.overlap.certain.to}` : `possibly ${c.overlap.possible?.from ?? '?'} – ${c.overlap.possible?.to ?? '?'}`}`,
          people: [...c.people],
          events: [...c.detentions],
        })),
    },
    {
      id: 'stale',
      name: 'Stale “last known” status',
      fields: [
        { name: 'months', label: 'Older than months', type: 'number', value: () => '12' },
        { name: 'asOf', label: 'As of', type: 'date', value: () => deps.asOf() ?? '' },
      ],
      run: async (v) =>
        (await api.staleStatus({ query: { months: num(v.months, 12), asOf: opt(v.asOf), limit } })).items.map((s) => ({
          label: s.person.name,
          certainty: s.certainty,
          detail: `last known ${s.lastKnown.earliest} – ${s.lastKnown.latest}`,
          people: [s.person],
          events: s.evidence,
        })),
    },
  ];
}

/**
 * Pattern views (issue #5): each ready-made query as a small form; every hit opens its people in
 * the graph and the timeline together, with the events and claims that make it a hit.
 */
export function createPatternsPanel(root: HTMLElement, deps: PatternsDeps) {
  const all = specs(deps);
  const picker = el(
    'select',
    { id: 'pattern-kind', 'aria-label': 'Pattern' },
    ...all.map((s) => el('option', { value: s.id, text: s.name })),
  );
  const form = el('form', { className: 'pattern-form', id: 'pattern-form' });
  const results = el('div', { id: 'pattern-results', className: 'pattern-results', 'aria-live': 'polite' });
  const current = () => all.find((s) => s.id === picker.value) ?? all[0]!;

  function renderForm(): void {
    const spec = current();
    form.replaceChildren(
      ...spec.fields.map((f) =>
        el(
          'label',
          { className: 'pattern-field' },
          el('span', { text: f.label }),
          el('input', {
            name: f.name,
            type: f.type,
            value: f.value(),
            ...(f.type === 'number' ? { min: 0, max: 3650 } : {}),
          }),
        ),
      ),
      el('button', { type: 'submit', id: 'pattern-run' }, 'Find'),
    );
  }

  async function run(): Promise<void> {
    const spec = current();
    const values: Record<string, string> = {};
    for (const input of form.querySelectorAll('input')) values[input.name] = input.value;
    results.replaceChildren(el('p', { className: 'loading', text: 'Searching…' }));
    try {
      const hits = await spec.run(values);
      results.replaceChildren(
        el('p', { className: 'muted', text: `${hits.length} ${hits.length === 1 ? 'result' : 'results'}` }),
        el(
          'ul',
          { className: 'pattern-hits' },
          ...hits.map((hit) =>
            el(
              'li',
              {},
              el(
                'button',
                {
                  type: 'button',
                  className: 'pattern-hit',
                  'data-people': hit.people.map((p) => p.id).join(','),
                  onclick: () =>
                    deps.open(
                      hit.people.map((p) => p.id),
                      `${spec.name}: ${hit.label}`,
                      hit.events,
                    ),
                },
                el('span', { className: 'pattern-hit-label', text: hit.label }),
                ' ',
                el('span', {
                  className: `badge confidence ${hit.certainty === 'certain' ? 'confirmed' : 'possible'}`,
                  text: hit.certainty,
                }),
                el('span', { className: 'pattern-hit-detail', text: hit.detail }),
              ),
            ),
          ),
        ),
      );
    } catch (error) {
      results.replaceChildren(el('p', { className: 'error', text: (error as Error).message }));
    }
  }

  picker.addEventListener('change', () => {
    renderForm();
    results.replaceChildren();
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void run();
  });
  root.replaceChildren(picker, form, results);
  renderForm();
  return {
    run,
    select(id: string): void {
      picker.value = id;
      renderForm();
    },
  };
}
