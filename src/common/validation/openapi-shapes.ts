import { z } from 'zod';
import { namedSchema } from './openapi';

/**
 * Building blocks of the hand-written response schemas (`src/<feature>/dto/<feature>.openapi.ts`):
 * plain JSON Schema 2020-12 objects, so what the OpenAPI document says is what is written here.
 */
export type JsonSchema = Record<string, unknown>;

export const text = { type: 'string' };
export const texts = { type: 'array', items: text };
export const nullableText = { type: ['string', 'null'] };
export const dateTime = { type: 'string', format: 'date-time' };
export const nullableDateTime = { type: ['string', 'null'], format: 'date-time' };
export const count = { type: 'integer', minimum: 0 };
/** Any JSON value (`null` included), e.g. an audited before/after image. */
export const anyJson = (description: string): JsonSchema => ({ description });

/** `schema` or `null` (for `$ref`s and objects; nullable scalars use `type: [..., 'null']`). */
export const nullable = (schema: JsonSchema, description?: string): JsonSchema => ({ ...(description ? { description } : {}), oneOf: [{ type: 'null' }, schema] });

export const arrayOf = (items: JsonSchema, description?: string): JsonSchema => ({ type: 'array', items, ...(description ? { description } : {}) });

/**
 * An object whose properties are all sent every time (`required`), except the ones named in
 * `optional`, which an answer leaves out when they do not apply. Additional properties stay open.
 */
export function objectOf(properties: Record<string, JsonSchema>, options: { optional?: string[]; description?: string } = {}): JsonSchema {
  const optional = new Set(options.optional ?? []);
  for (const name of optional) if (!(name in properties)) throw new Error(`optional property ${name} is not a property`);
  return {
    type: 'object',
    ...(options.description ? { description: options.description } : {}),
    properties,
    required: Object.keys(properties).filter((name) => !optional.has(name)),
  };
}

/** The named `{items, nextCursor}` wrapper of one keyset-paginated list (see common/pagination.ts). */
export function pageSchema(name: string, item: JsonSchema): { $ref: string } {
  return namedSchema(
    name,
    objectOf({
      items: arrayOf(item),
      nextCursor: { ...nullableText, description: 'Pass as `cursor` to get the next page; null on the last page' },
    }),
  );
}

/** What a zod schema produces (defaults filled in, transforms applied), as JSON Schema. */
export function outputSchemaOf(schema: z.ZodType): JsonSchema {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'output' }) as JsonSchema;
  delete json.$schema;
  return json;
}

/**
 * Every member of the string union `T`, for an `enum` where the code has a type but no list of
 * values: a member missing from `values` (or one that is not a member) does not compile, so the
 * documented enum cannot drift from the type. `everyValueOf<RunStatus>()(['queued', …])`.
 */
export const everyValueOf =
  <T extends string>() =>
  <const L extends readonly T[]>(values: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> })): L =>
    values;
