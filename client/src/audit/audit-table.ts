import type { AuditEntryView, AuditPage } from '../api/types.js';
import { el } from '../dom.js';

/** "2026-05-01 12:21:50 UTC": one clock for every admin, wherever they read from. */
export function auditTime(at: string): string {
  return at.replace('T', ' ').replace(/(\.\d+)?Z$/, ' UTC');
}

/** "ip: 127.0.0.1, reason: invalid": each detail as text, whatever it holds. */
export function detailsText(details: AuditEntryView['details']): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** Whether the chain verifies, as a banner: a broken chain is an alert. */
export function verdictBanner(page: AuditPage): HTMLElement {
  if (!page.broken)
    return el('p', {
      className: 'audit-verdict ok',
      role: 'status',
      text: `The audit chain verifies: all ${page.entries} entries are as they were written.`,
    });
  return el('p', {
    className: 'audit-verdict broken',
    role: 'alert',
    text: `The audit chain is broken at entry ${page.broken.seq}: ${page.broken.problem}. That entry and those after it cannot be trusted as written.`,
  });
}

/** The entries of one page, newest first; the entry that breaks the chain is marked. */
export function auditTable(page: AuditPage): HTMLTableElement {
  const head = ['#', 'Time', 'User', 'Action', 'Details'].map((text) => el('th', { scope: 'col', text }));
  const rows = page.items.map((entry) => {
    const breaks = entry.seq === page.broken?.seq;
    return el(
      'tr',
      { 'data-seq': entry.seq, className: breaks ? 'breaks-chain' : undefined },
      el('td', { text: String(entry.seq) }),
      el('td', {}, el('time', { datetime: entry.at, text: auditTime(entry.at) })),
      el('td', { className: 'audit-actor', text: entry.actor }),
      el(
        'td',
        { className: 'audit-action' },
        entry.action,
        breaks && el('span', { className: 'badge broken' }, 'breaks the chain'),
      ),
      el('td', { className: 'audit-details', text: detailsText(entry.details) }),
    );
  });
  return el(
    'table',
    { className: 'list-table audit-table' },
    el('caption', { text: page.items.length ? 'Audit entries, newest first' : 'No entries match these filters.' }),
    el('thead', {}, el('tr', {}, ...head)),
    el('tbody', {}, ...rows),
  );
}
