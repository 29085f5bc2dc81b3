import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';

/** The zod schema as a JSON Schema object for the OpenAPI 3.1 document. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}

/** Documents a zod-validated body. */
export function ApiZodBody(schema: z.ZodType, description?: string) {
  return ApiBody({ schema: jsonSchemaOf(schema) as never, description });
}

/** Documents every property of a zod object used as query parameters. */
export function ApiZodQuery(schema: z.ZodObject) {
  const decorators = Object.entries(schema.shape).map(([name, field]) =>
    ApiQuery({ name, required: !(field as z.ZodType).safeParse(undefined).success, schema: jsonSchemaOf(field as z.ZodType) as never }),
  );
  return applyDecorators(...decorators);
}

/**
 * Response schemas with a name: declared beside the view they describe, referenced from the
 * operations by `$ref`, and put into `components.schemas` by setupOpenApi, so generated clients
 * (the console's types) get one named type per shape.
 */
const namedSchemas = new Map<string, Record<string, unknown>>();

/** Registers `schema` under `name` and answers the `$ref` to use in operations and other schemas. */
export function namedSchema(name: string, schema: Record<string, unknown>): { $ref: string } {
  const known = namedSchemas.get(name);
  if (known && known !== schema) throw new Error(`OpenAPI schema ${name} is declared twice`);
  namedSchemas.set(name, schema);
  return { $ref: `#/components/schemas/${name}` };
}

/** Every named schema declared so far (modules declare theirs when they load). */
export function declaredSchemas(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(namedSchemas);
}

/** Documents a JSON answer of `status` with `schema` (a named `$ref` or an inline schema). */
export function ApiJsonResponse(status: number, schema: Record<string, unknown>, description = 'Success') {
  return ApiResponse({ status, description, content: { 'application/json': { schema: schema as never } } });
}
