import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiTypesFor, SCHEMA_FILE } from './api-types.mjs';

const consoleDir = join(dirname(fileURLToPath(import.meta.url)), '..');

const doc = {
  openapi: '3.1.0',
  info: { title: 't', version: '1' },
  paths: {
    '/api/v1/things/{name}': {
      get: {
        operationId: 'things_get',
        parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          200: { description: '', content: { 'application/json': { schema: { $ref: '#/components/schemas/Thing' } } } },
          404: { description: 'Not found', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
        },
      },
    },
  },
  components: {
    schemas: {
      Thing: { type: 'object', properties: { name: { type: 'string' }, tier: { type: 'integer' } }, required: ['name'] },
      Problem: { type: 'object', properties: { title: { type: 'string' } }, required: ['title'] },
    },
  },
};

describe('apiTypesFor', () => {
  it('makes the paths and components types with the generated-file header', async () => {
    const text = await apiTypesFor(doc);
    expect(text.startsWith('/**\n * GENERATED FILE - DO NOT EDIT.')).toBe(true);
    expect(text).toContain('node console/scripts/generate-api-types.mjs');
    expect(text).toContain('export interface paths');
    expect(text).toContain('"/api/v1/things/{name}"');
    expect(text).toMatch(/Thing: \{\s+name: string;\s+tier\?: number;/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('is deterministic and does not change the document it is given', async () => {
    const before = JSON.stringify(doc);
    expect(await apiTypesFor(doc)).toBe(await apiTypesFor(doc));
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('refuses something that is not an OpenAPI document', async () => {
    await expect(apiTypesFor({ swagger: '2.0' })).rejects.toThrow(/not an OpenAPI document/);
  });

  it('the checked-in schema.d.ts is a generated file', () => {
    const text = readFileSync(join(consoleDir, SCHEMA_FILE), 'utf8');
    expect(text.startsWith('/**\n * GENERATED FILE - DO NOT EDIT.')).toBe(true);
    expect(text).toContain('"/api/v1/me"');
  });
});
