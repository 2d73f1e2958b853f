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

/** GraphML (graphml.graphdrawing.org), as Gephi, yEd and networkx read it. */
export function toGraphml(dataset: Dataset): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    ...NODE_ATTRIBUTES.map(
      (a) =>
        `  <key id="n_${a}" for="node" attr.name="${a}" attr.type="${a === 'latitude' || a === 'longitude' ? 'double' : 'string'}"/>`,
    ),
    ...EDGE_ATTRIBUTES.map(
      (a) => `  <key id="e_${a}" for="edge" attr.name="${a}" attr.type="${a === 'citations' ? 'int' : 'string'}"/>`,
    ),
    '  <key id="directed" for="edge" attr.name="directed" attr.type="boolean"/>',
    '  <graph id="kinline" edgedefault="directed">',
  ];
  for (const entity of dataset.entities) {
    out.push(`    <node id="${xml(entity.id)}">`, `      <data key="label">${xml(labelOf(entity))}</data>`);
    for (const [key, value] of Object.entries(nodeAttributes(entity)))
      out.push(`      <data key="n_${key}">${xml(value)}</data>`);
    out.push('    </node>');
  }
  for (const rel of dataset.relationships) {
    out.push(`    <edge id="${xml(rel.id)}" source="${xml(rel.from)}" target="${xml(rel.to)}">`);
    for (const [key, value] of Object.entries(edgeAttributes(rel)))
      out.push(`      <data key="e_${key}">${xml(value)}</data>`);
    out.push(`      <data key="directed">${!isSymmetric(rel)}</data>`, '    </edge>');
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
