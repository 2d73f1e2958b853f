/**
 * EDTF (ISO 8601-2, levels 0-1) as a reader says it: "2016~/.." -> "about 2016 – still ongoing".
 * Only for tooltips and labels; the bounds come from the server, which owns the parsing.
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
// EDTF level 1 seasons: 21 spring, 22 summer, 23 autumn, 24 winter.
const SEASONS: Record<string, string> = { '21': 'spring', '22': 'summer', '23': 'autumn', '24': 'winter' };

export function describeEdtf(edtf: string): string {
  if (!edtf.includes('/')) return describeDate(edtf);
  const [from = '', to = ''] = edtf.split('/');
  const start = from === '..' ? 'an unknown start' : from === '' ? 'an unknown start' : describeDate(from);
  if (to === '..') return `${start} – still ongoing (open end)`;
  if (to === '') return `${start} – end unknown`;
  return `${start} – ${describeDate(to)}`;
}

function describeDate(text: string): string {
  const qualifier = /[~?%]$/.exec(text)?.[0];
  const bare = text.replace(/[~?%]$/, '');
  const [y = '', m, d] = bare.split('-');
  let words = y.replace(/X/g, '0') + (y.includes('X') ? 's' : '');
  if (m && SEASONS[m]) words = `${SEASONS[m]} ${words}`;
  else if (m && !m.includes('X')) words = `${MONTHS[Number(m) - 1] ?? m} ${words}`;
  if (d && !d.includes('X') && m && !SEASONS[m]) words = `${Number(d)} ${words}`;
  if (qualifier === '~') return `about ${words}`;
  if (qualifier === '?') return `${words} (uncertain)`;
  if (qualifier === '%') return `about ${words} (uncertain)`;
  return words;
}
