import { lastNamedDay, parseEdtf } from '../dates/edtf.js';
import type { Dataset, Entity } from '../schema/index.js';
import { ENTITY } from '../vocabulary/entity-types.js';

type Source = Extract<Entity, { type: typeof ENTITY.Source }>;

const CSL_TYPE: Record<Source['kind'], string> = {
  article: 'article-newspaper',
  video: 'motion_picture',
  testimony: 'interview',
  'official-document': 'legislation',
  report: 'report',
  dataset: 'dataset',
  'satellite-image': 'graphic',
  book: 'book',
  other: 'document',
};
const BIBTEX_TYPE: Record<Source['kind'], string> = {
  article: 'article',
  video: 'misc',
  testimony: 'misc',
  'official-document': 'misc',
  report: 'techreport',
  dataset: 'misc',
  'satellite-image': 'misc',
  book: 'book',
  other: 'misc',
};

const sources = (dataset: Dataset) => dataset.entities.filter((e): e is Source => e.type === ENTITY.Source);

/** CSL "date-parts" from an EDTF date: the written precision, or a range for intervals. */
function dateParts(edtf: string | undefined): { 'date-parts': number[][]; circa?: boolean } | undefined {
  if (!edtf) return undefined;
  const parts = edtf
    .split('/')
    .filter((p) => p && p !== '..')
    .map((p) => p.replace(/[~?%]/g, '').split('-').filter(Boolean).map(Number));
  if (parts.length === 0 || parts.some((p) => p.some((n) => !Number.isFinite(n)))) return undefined;
  return { 'date-parts': parts, ...(/[~?%]/.test(edtf) ? { circa: true } : {}) };
}

/** CSL-JSON (citationstyles.org), for Zotero and every citation processor. */
export function toCslJson(dataset: Dataset): string {
  const items = sources(dataset).map((s) => ({
    id: s.id,
    type: CSL_TYPE[s.kind],
    title: s.names[0]!.value,
    ...(s.authors ? { author: s.authors.map((literal) => ({ literal })) } : {}),
    ...(s.publisher ? { publisher: s.publisher } : {}),
    ...(dateParts(s.date) ? { issued: dateParts(s.date) } : {}),
    ...(s.url ? { URL: s.url } : {}),
    ...(s.archiveUrl ? { archive_location: s.archiveUrl } : {}),
    ...(s.language ? { language: s.language } : {}),
    ...(s.description ? { abstract: s.description } : {}),
  }));
  return `${JSON.stringify(items, null, 2)}\n`;
}

const bib = (text: string) =>
  text
    .replace(/\\/g, '\\textbackslash{}')
    .replace(/([{}&%$#_])/g, '\\$1')
    .replace(/~/g, '\\textasciitilde{}')
    .replace(/\^/g, '\\textasciicircum{}');

/** BibTeX (biblatex-friendly: `date` keeps the EDTF as written, `year` its first year). */
export function toBibtex(dataset: Dataset): string {
  return sources(dataset)
    .map((s) => {
      const fields: [string, string][] = [['title', `{${bib(s.names[0]!.value)}}`]];
      if (s.authors) fields.push(['author', `{${s.authors.map((a) => `{${bib(a)}}`).join(' and ')}}`]);
      if (s.publisher) fields.push([s.kind === 'report' ? 'institution' : 'publisher', `{${bib(s.publisher)}}`]);
      if (s.date) {
        fields.push(['year', `{${lastNamedDay(parseEdtf(s.date)).slice(0, 4)}}`]);
        fields.push(['date', `{${bib(s.date)}}`]);
      }
      if (s.url) fields.push(['url', `{${s.url}}`]);
      if (s.archiveUrl) fields.push(['note', `{Archived at \\url{${s.archiveUrl}}}`]);
      if (s.language) fields.push(['langid', `{${s.language}}`]);
      return `@${BIBTEX_TYPE[s.kind]}{${s.id},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(',\n')}\n}\n`;
    })
    .join('\n');
}
