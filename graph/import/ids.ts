import { createHash } from 'node:crypto';

/** A lowercase id slug (graph/schema Id): accents folded, anything else becomes "-". */
export function slug(text: string, max = 80): string {
  const out = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return out || 'x';
}

/** The stem of a file name as an id prefix: "../data/Kennedy Family.ged" -> "kennedy-family". */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return slug(base.replace(/\.[^.]+$/, ''), 40);
}

/** Joins id parts with "--"; an id over the schema's 120 characters keeps a hash of the rest. */
export function joinId(...parts: string[]): string {
  const id = parts.join('--');
  if (id.length <= 120) return id;
  return `${id.slice(0, 100).replace(/[-.:_]+$/, '')}.${createHash('sha1').update(id).digest('hex').slice(0, 12)}`;
}
