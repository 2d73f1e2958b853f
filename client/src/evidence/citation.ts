import type { ClaimView } from '../api/types.js';

/**
 * A human-readable citation of one claim: who said it, where, and the words quoted. The format
 * follows the usual author–date shape so it pastes into notes as it is:
 *   Author (2019-04). Title. Publisher. URL, para. 5: “excerpt”. [confidence: probable]
 */
export function formatCitation(claim: ClaimView, about?: string): string {
  const source = claim.source;
  const authors = Array.isArray(source.authors) ? (source.authors as string[]).join(', ') : '';
  const parts = [
    [authors, source.date ? `(${source.date})` : ''].filter(Boolean).join(' '),
    source.name,
    source.publisher ?? '',
    source.url ?? '',
  ].filter(Boolean);
  const locator = claim.locator ? `, ${claim.locator}` : '';
  const quote = claim.excerpt ? `: “${claim.excerpt}”` : '';
  const translation = claim.translation ? ` [translation: “${claim.translation}”]` : '';
  const subject = about ? `${about} — ` : '';
  return `${subject}${parts.join('. ')}${locator}${quote}${translation} [confidence: ${claim.confidence}]`;
}

/** All claims of a fact, one citation per line. */
export function formatCitations(claims: readonly ClaimView[], about?: string): string {
  return claims.map((c) => formatCitation(c, about)).join('\n');
}

/**
 * Claims that disagree: same fact, different date or confidence. They are shown side by side,
 * never merged (graph/README.md, Provenance).
 */
export function conflicting(claims: readonly ClaimView[]): boolean {
  if (claims.length < 2) return false;
  const dates = new Set(claims.map((c) => c.date ?? ''));
  const levels = new Set(claims.map((c) => c.confidence));
  return dates.size > 1 || levels.size > 1;
}

/** Copies text to the clipboard; falls back to a hidden textarea when the API is refused. */
export async function copyText(text: string): Promise<void> {
  (window as unknown as { __kinlineLastCopied?: string }).__kinlineLastCopied = text;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}
