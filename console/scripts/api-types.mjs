// Turns the server's OpenAPI document into the console's TypeScript types (src/api/schema.d.ts).
// Used by scripts/generate-api-types.mjs and by the console's tests; keep it free of file I/O.
import openapiTS, { astToString } from 'openapi-typescript';

/** Where the generated file lives, relative to the console folder. */
export const SCHEMA_FILE = 'src/api/schema.d.ts';

const HEADER = `/**
 * GENERATED FILE - DO NOT EDIT.
 *
 * TypeScript types of Gatehouse's HTTP API, made by openapi-typescript from the server's
 * OpenAPI document (GET /openapi.json). To regenerate after the server changed, from the
 * repository root:
 *
 *   npm run build && node dist/src/main.js &   # or any running Gatehouse
 *   curl -s http://127.0.0.1:7400/openapi.json > /tmp/openapi.json
 *   node console/scripts/generate-api-types.mjs /tmp/openapi.json
 *
 * and \`--check\` instead of writing tells whether this file is up to date.
 */

`;

/**
 * The text of schema.d.ts for an OpenAPI document given as a parsed object. Deterministic: the
 * same document always gives the same text (the check mode compares it byte for byte).
 * @param {Record<string, unknown>} documentObject
 * @returns {Promise<string>}
 */
export async function apiTypesFor(documentObject) {
  if (!documentObject || typeof documentObject !== 'object' || typeof documentObject.openapi !== 'string') {
    throw new Error('not an OpenAPI document (no "openapi" version field)');
  }
  // openapi-typescript may annotate the object it is given; work on a copy.
  const ast = await openapiTS(structuredClone(documentObject), {
    alphabetize: false,
    // An operation's responses with no declared content stay `content?: never`; the console's
    // `dataAs` (src/api/client.ts) is only accepted for those.
    defaultNonNullable: true,
    silent: true,
  });
  const body = astToString(ast);
  return HEADER + body.replace(/\r\n/g, '\n').trimEnd() + '\n';
}
