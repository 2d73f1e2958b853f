/** XML text and attribute escaping (GraphML, GEXF); control characters XML 1.0 forbids are dropped. */
export function xml(text: string | number | boolean): string {
  return String(text)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
