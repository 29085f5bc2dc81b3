/**
 * The few API shapes the OpenAPI document (and so schema.d.ts) does not describe.
 *
 * Rule: every type of a request or response body comes from `schema.d.ts`
 * (`components['schemas'][...]`, or `paths[...]['get']['responses'][200]['content']['application/json']`;
 * shared aliases are in models.ts). Only when the document has no schema for something is a
 * narrow type written here, with a comment saying what it is for. For a response body without a
 * schema, read it with `dataAs<T>()` (client.ts), which only compiles for such calls: once the
 * server documents the answer and schema.d.ts is regenerated, each use becomes a type error
 * pointing to `data()`, and the type here is to be deleted.
 */

export {};
