import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { legendEntries } from '../client/src/panels/legend-model.js';
import { csvTemplateFor } from '../graph/import/csv/template-sheets.js';
import { constraintsFor, Entity, schemaFor } from '../graph/schema/index.js';
import { Edtf, type EntityTypeSpec, FTM, VOCABULARY } from '../graph/vocabulary/index.js';
import { api } from '../server/contract/index.js';
import { openApiOf } from '../server/openapi.js';

/**
 * Adding an entity type is a change to the vocabulary (README, "Adding an entity type"): a
 * throwaway "Document" added to a copy of it reaches the schema, the constraints, the OpenAPI
 * dataset schema, the CSV template and the client's legend without touching any of them.
 */
const Document = {
  label: 'Document',
  plural: 'Documents',
  colour: '#1abc9c',
  icon: '▤',
  radius: 6,
  ftm: { schema: FTM.Document },
  csv: {},
  indexes: [{ name: 'document_issued', properties: ['issued'] }],
  fields: {
    kind: z.enum(['passport', 'certificate', 'other']),
    issued: Edtf.optional(),
    pages: z.number().int().min(1).optional(),
    holders: z.array(z.string()).optional(),
  },
} satisfies EntityTypeSpec;
const vocabulary = { ...VOCABULARY, entities: { ...VOCABULARY.entities, Document } };
const passport = {
  type: 'Document',
  id: 'doc-passport-1',
  names: [{ value: 'Passport of A. Umarova', kind: 'primary' }],
  kind: 'passport',
  issued: '2016~',
  pages: 32,
};

describe('a type added to the vocabulary', () => {
  const schema = schemaFor(vocabulary);

  it('is a valid entity of the derived schema, with its own fields checked', () => {
    expect(schema.Entity.safeParse(passport).success).toBe(true);
    expect(schema.entities.Document.safeParse({ ...passport, pages: 0 }).success).toBe(false);
    expect(schema.Entity.safeParse({ ...passport, colour: 'red' }).success).toBe(false);
    expect(schema.EntityTypeName.safeParse('Document').success).toBe(true);
    expect(schema.Dataset.safeParse({ kinline: 1, entities: [passport], relationships: [] }).success).toBe(true);
    // The project's own schema, derived from the untouched vocabulary, does not know it.
    expect(Entity.safeParse(passport).success).toBe(false);
  });

  it('has its constraint, its own index and a place in the full-text index', () => {
    const statements = constraintsFor(vocabulary);
    expect(statements).toContain('CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE');
    expect(statements).toContain('CREATE INDEX document_issued IF NOT EXISTS FOR (n:Document) ON (n.issued)');
    expect(statements.find((s) => s.includes('FULLTEXT'))).toMatch(/FOR \(n:[A-Za-z|]*\|Document\)/);
  });

  it('appears in the OpenAPI document, in the dataset schema the import and export routes refer to', () => {
    const document = openApiOf(api, { Dataset: schema.Dataset });
    const json = JSON.stringify(document.components);
    expect(json).toContain('"const":"Document"');
    expect(json).toContain('"pages"');
    expect(JSON.stringify(openApiOf(api).components)).not.toContain('"const":"Document"');
  });

  it('gets a sheet of the CSV template with typed columns', () => {
    const sheet = csvTemplateFor(vocabulary).find((s) => s.type === 'Document');
    expect(sheet?.file).toBe('documents.csv');
    expect(sheet?.columns).toEqual([
      'id',
      'kind',
      'name',
      'aliases',
      'issued',
      'pages',
      'holders',
      'identifiers',
      'description',
    ]);
    expect(sheet?.mapping.entities).toEqual([
      expect.objectContaining({
        type: 'Document',
        fields: expect.objectContaining({
          pages: { template: '{pages}', type: 'number' },
          holders: { template: '{holders}', type: 'list', split: ';' },
        }),
      }),
    ]);
  });

  it('has an entry in the client legend, in its colour', () => {
    const types = legendEntries(vocabulary)[0];
    expect(types).toContainEqual({ label: 'Document', colour: '#1abc9c', shape: 'dot' });
    expect(types).toHaveLength(Object.keys(VOCABULARY.entities).length + 1);
  });
});
