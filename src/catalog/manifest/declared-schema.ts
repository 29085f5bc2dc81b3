import { z } from 'zod';

/** ODCS v3.1's logical types of a property (`SchemaBaseProperty.logicalType`). */
export const LOGICAL_TYPES = ['string', 'date', 'timestamp', 'time', 'number', 'integer', 'object', 'array', 'boolean'] as const;
export type LogicalType = (typeof LOGICAL_TYPES)[number];

/** The classifications a product or a field can carry, least sensitive first (the order "raised" means). */
export const CLASSIFICATIONS = ['public', 'internal', 'confidential', 'restricted'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/**
 * How deep properties nest (an object's properties, an array's items). The schema is spelled out
 * level by level rather than recursively: a recursive zod schema becomes a JSON Schema with
 * document-local `$defs`, which an OpenAPI component cannot carry.
 */
export const MAX_NESTING = 5;

/** One declared field of an output, as ODCS describes a property (a type alias: stored manifests must stay JSON-assignable). */
export type DeclaredProperty = {
  name: string;
  logicalType?: LogicalType;
  physicalType?: string;
  required?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  classification?: Classification;
  description?: string;
  properties?: DeclaredProperty[];
  items?: DeclaredItems;
};

/** What an array holds: a property without a name of its own (paths name it `_element`). */
export type DeclaredItems = Omit<DeclaredProperty, 'name'>;

// A dot separates nesting levels in change paths (`customer.address.city`), so names cannot hold one.
const fieldName = z
  .string({ message: 'must be a field name' })
  .min(1, 'must not be empty')
  .max(300)
  .regex(/^[^.\s][^.]*$/, 'must not contain a dot or start with a space: dots separate nesting levels');

const tooDeep = z.undefined({ message: `nests deeper than ${MAX_NESTING} levels` }).optional();

function propertyFields(depth: number) {
  const nested = depth < MAX_NESTING;
  return {
    logicalType: z.enum(LOGICAL_TYPES, { message: `must be one of ${LOGICAL_TYPES.join(', ')}` }).optional(),
    physicalType: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    required: z.boolean({ message: 'must be true or false' }).optional(),
    unique: z.boolean({ message: 'must be true or false' }).optional(),
    primaryKey: z.boolean({ message: 'must be true or false' }).optional(),
    classification: z.enum(CLASSIFICATIONS, { message: `must be one of ${CLASSIFICATIONS.join(', ')}` }).optional(),
    description: z.string().max(10_000).optional(),
    properties: nested ? propertiesAt(depth + 1).optional() : tooDeep,
    items: nested ? itemsAt(depth + 1).optional() : tooDeep,
  };
}

/** Nested properties only on objects, items only on arrays. */
function checkShape(value: { logicalType?: LogicalType; properties?: unknown; items?: unknown }, ctx: z.RefinementCtx) {
  if (value.properties !== undefined && value.logicalType !== undefined && value.logicalType !== 'object') {
    ctx.addIssue({ code: 'custom', path: ['properties'], message: `only an object has properties (logicalType is ${value.logicalType})` });
  }
  if (value.items !== undefined && value.logicalType !== undefined && value.logicalType !== 'array') {
    ctx.addIssue({ code: 'custom', path: ['items'], message: `only an array has items (logicalType is ${value.logicalType})` });
  }
}

function itemsAt(depth: number): z.ZodType<DeclaredItems> {
  return z.strictObject(propertyFields(depth)).superRefine(checkShape);
}

function propertyAt(depth: number): z.ZodType<DeclaredProperty> {
  return z.strictObject({ name: fieldName, ...propertyFields(depth) }).superRefine(checkShape);
}

function propertiesAt(depth: number): z.ZodType<DeclaredProperty[]> {
  return z
    .array(propertyAt(depth))
    .max(2000)
    .superRefine((properties, ctx) => {
      const seen = new Set<string>();
      properties.forEach((p, i) => {
        if (seen.has(p.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `repeats field ${p.name}` });
        seen.add(p.name);
      });
    });
}

/** An output's declared schema: its top-level properties. */
export const declaredSchema = propertiesAt(1);
