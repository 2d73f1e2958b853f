import { api } from '../api/client.js';
import type { ClaimView } from '../api/types.js';
import { el } from '../dom.js';
import { describeEdtf } from '../timeline/edtf-text.js';
import { conflicting, copyText, formatCitation, formatCitations } from '../evidence/citation.js';

export interface ClaimsOptions {
  about: string;
  notify(message: string): void;
}

/**
 * The evidence for one fact: each claim with its source, locator, verbatim excerpt and
 * confidence. Disagreeing claims sit side by side in columns, never merged.
 */
export function claimsBlock(claims: readonly ClaimView[], options: ClaimsOptions): HTMLElement {
  if (!claims.length) return el('p', { className: 'muted', text: 'No source is cited for this yet.' });
  const disagree = conflicting(claims);
  const cards = claims.map((claim) => claimCard(claim, options));
  return el(
    'section',
    { className: 'claims', 'aria-label': 'Evidence' },
    disagree
      ? el('p', {
          className: 'conflict-note',
          role: 'note',
          text: `${claims.length} sources disagree — shown side by side.`,
        })
      : null,
    el('div', { className: disagree ? 'claim-grid conflict' : 'claim-grid' }, ...cards),
    el(
      'button',
      {
        type: 'button',
        className: 'cite-all',
        'data-action': 'cite',
        onclick: () =>
          void copyText(formatCitations(claims, options.about)).then(() =>
            options.notify('Citation copied to the clipboard.'),
          ),
      },
      'Cite this',
    ),
  );
}

function claimCard(claim: ClaimView, options: ClaimsOptions): HTMLElement {
  const source = claim.source;
  const sourceLine = [source.name, source.publisher, source.date]
    .filter((x): x is string => typeof x === 'string' && x.length > 0)
    .join(' · ');
  return el(
    'article',
    { className: `claim confidence-${claim.confidence}` },
    el(
      'header',
      {},
      el('span', { className: `badge confidence ${claim.confidence}`, text: claim.confidence }),
      claim.date
        ? el('span', {
            className: 'badge date',
            title: `EDTF ${claim.date}${claim.dateAsWritten ? ` · as written: “${claim.dateAsWritten}”` : ''}`,
            text: describeEdtf(claim.date, claim.datePhrase),
          })
        : null,
    ),
    el('blockquote', {
      className: 'excerpt',
      lang: typeof source.language === 'string' ? source.language : undefined,
      text: claim.excerpt,
    }),
    claim.translation ? el('p', { className: 'translation', text: `Translation: ${claim.translation}` }) : null,
    el(
      'p',
      { className: 'source' },
      source.url
        ? el('a', { href: safeUrl(source.url), target: '_blank', rel: 'noopener noreferrer', text: sourceLine })
        : el('span', { text: sourceLine }),
      el('span', { className: 'locator', text: claim.locator ? ` — ${claim.locator}` : '' }),
    ),
    claim.note ? el('p', { className: 'note', text: claim.note }) : null,
    el(
      'div',
      { className: 'cite-formats' },
      el(
        'button',
        {
          type: 'button',
          className: 'link-button',
          title: 'Copy a citation of this claim',
          onclick: () =>
            void copyText(formatCitation(claim, options.about)).then(() =>
              options.notify('Citation copied to the clipboard.'),
            ),
        },
        'Copy citation',
      ),
      ...(['csl', 'bibtex'] as const).map((format) =>
        el(
          'button',
          {
            type: 'button',
            className: 'link-button',
            'data-format': format,
            title:
              format === 'csl'
                ? 'Copy the source as CSL-JSON (Zotero, citation processors)'
                : 'Copy the source as BibTeX',
            onclick: () => void copySourceAs(source.id, format, options),
          },
          format === 'csl' ? 'CSL-JSON' : 'BibTeX',
        ),
      ),
    ),
  );
}

async function copySourceAs(sourceId: string, format: 'csl' | 'bibtex', options: ClaimsOptions): Promise<void> {
  const text = await api.cite({ params: { id: sourceId }, query: { format } }).catch(() => null);
  if (text === null) return options.notify('The citation could not be fetched.');
  await copyText(text);
  options.notify(`${format === 'csl' ? 'CSL-JSON' : 'BibTeX'} copied to the clipboard.`);
}

/** Only http(s) links are followed; anything else (javascript:, data:) becomes inert. */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url, location.href);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : '#';
  } catch {
    return '#';
  }
}
