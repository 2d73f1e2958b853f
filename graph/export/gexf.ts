import {
  EDGE_ATTRIBUTES,
  NODE_ATTRIBUTES,
  edgeAttributes,
  isSymmetric,
  labelOf,
  nodeAttributes,
  type Dataset,
} from './attributes.js';
import { xml } from './xml.js';

/** GEXF 1.3 (gexf.net), Gephi's own format; symmetric kinship edges are undirected. */
export function toGexf(dataset: Dataset): string {
  const nodeIndex = new Map<string, number>(NODE_ATTRIBUTES.map((a, i) => [a, i]));
  const edgeIndex = new Map<string, number>(EDGE_ATTRIBUTES.map((a, i) => [a, i]));
  const type = (a: string) =>
    a === 'latitude' || a === 'longitude' ? 'double' : a === 'citations' ? 'integer' : 'string';
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    `  <meta><creator>Kinline</creator><description>${xml(dataset.title ?? 'Kinline export')}</description></meta>`,
    '  <graph mode="static" defaultedgetype="directed">',
    '    <attributes class="node">',
    ...NODE_ATTRIBUTES.map((a, i) => `      <attribute id="${i}" title="${a}" type="${type(a)}"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    ...EDGE_ATTRIBUTES.map((a, i) => `      <attribute id="${i}" title="${a}" type="${type(a)}"/>`),
    '    </attributes>',
    '    <nodes>',
  ];
  for (const entity of dataset.entities) {
    out.push(`      <node id="${xml(entity.id)}" label="${xml(labelOf(entity))}">`, '        <attvalues>');
    for (const [key, value] of Object.entries(nodeAttributes(entity)))
      out.push(`          <attvalue for="${nodeIndex.get(key)}" value="${xml(value)}"/>`);
    out.push('        </attvalues>', '      </node>');
  }
  out.push('    </nodes>', '    <edges>');
  for (const rel of dataset.relationships) {
    out.push(
      `      <edge id="${xml(rel.id)}" source="${xml(rel.from)}" target="${xml(rel.to)}" label="${xml(rel.type)}" type="${isSymmetric(rel) ? 'undirected' : 'directed'}">`,
      '        <attvalues>',
    );
    for (const [key, value] of Object.entries(edgeAttributes(rel)))
      out.push(`          <attvalue for="${edgeIndex.get(key)}" value="${xml(value)}"/>`);
    out.push('        </attvalues>', '      </edge>');
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}
