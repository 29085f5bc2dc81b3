import { subject as asSubject } from '@casl/ability';
import { z } from 'zod';
import { CLASSIFICATIONS, type Classification } from '../catalog/manifest/declared-schema';
import { createPrismaAbility } from './casl';

/** What a conditional gate entry's `when` can look at: the product's own catalog fields. */
export interface ProductAttributes {
  name: string;
  domain: string;
  owner: string;
  tags: string[];
  tier: number;
  classification: Classification;
  containsPii: boolean;
}

export const PRODUCT_ATTRIBUTE_NAMES = ['name', 'domain', 'owner', 'tags', 'tier', 'classification', 'containsPii'] as const;

const union = <A extends z.ZodType, B extends z.ZodType>(a: A, b: B, message: string) => z.union([a, b], { message });
const operators = (what: string) => ({ error: (issue: { code: string }) => (issue.code === 'unrecognized_keys' ? `unknown operator for ${what}` : undefined) });

/** A Prisma scalar filter of one type: the value itself, or `{ equals, not, in, notIn, … }`. */
function scalarFilter<T extends z.ZodType>(value: T, what: string, extra: Record<string, z.ZodType> = {}): z.ZodType {
  const filter: z.ZodType = z.lazy(() =>
    union(
      value,
      z.strictObject(
        {
          equals: value.optional(),
          not: union(value, filter, `must be ${what} or a filter`).optional(),
          in: z.array(value, { message: 'must be a list' }).optional(),
          notIn: z.array(value, { message: 'must be a list' }).optional(),
          ...Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, v.optional()])),
        },
        operators(what),
      ),
      `must be ${what} or a filter such as { in: [...] }`,
    ),
  );
  return filter;
}

const text = z.string({ message: 'must be a string' });
const ordered = <T extends z.ZodType>(value: T) => ({ lt: value, lte: value, gt: value, gte: value });
const stringFilter = scalarFilter(text, 'a string', { startsWith: text, endsWith: text, contains: text });
const tierFilter = scalarFilter(z.number({ message: 'must be a number' }).int('must be a whole number'), 'a number', ordered(z.number({ message: 'must be a number' })));
const classificationFilter = scalarFilter(z.enum(CLASSIFICATIONS, { message: `must be one of ${CLASSIFICATIONS.join(', ')}` }), `one of ${CLASSIFICATIONS.join(', ')}`);
const booleanFilter = scalarFilter(z.boolean({ message: 'must be true or false' }), 'true or false');
const tagsFilter = z.strictObject(
  {
    has: text.optional(),
    hasSome: z.array(text, { message: 'must be a list' }).optional(),
    hasEvery: z.array(text, { message: 'must be a list' }).optional(),
    isEmpty: z.boolean({ message: 'must be true or false' }).optional(),
    equals: z.array(text).optional(),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? 'unknown operator for a list of tags' : issue.code === 'invalid_type' ? 'must be a list filter such as { has: finance }' : undefined) },
);

/**
 * A condition on a data product in the CASL rules' language (a Prisma `where` filter, as
 * `conditions` on `DataProduct` rules), limited to the fields a product gate can depend on and
 * checked for operators and value types.
 */
export const productConditionSchema: z.ZodType<Record<string, unknown>> = z.lazy(() =>
  z.strictObject(
    {
      name: stringFilter.optional(),
      domain: stringFilter.optional(),
      owner: stringFilter.optional(),
      tags: tagsFilter.optional(),
      tier: tierFilter.optional(),
      classification: classificationFilter.optional(),
      containsPii: booleanFilter.optional(),
      AND: union(productConditionSchema, z.array(productConditionSchema), 'must be a condition or a list of conditions').optional(),
      OR: z.array(productConditionSchema, { message: 'must be a list of conditions' }).optional(),
      NOT: union(productConditionSchema, z.array(productConditionSchema), 'must be a condition or a list of conditions').optional(),
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown field; a product condition names ${PRODUCT_ATTRIBUTE_NAMES.join(', ')} (or AND, OR, NOT)`
          : issue.code === 'invalid_type'
            ? 'must be a condition such as { tier: 1 }'
            : undefined,
    },
  ),
) as z.ZodType<Record<string, unknown>>;

const compiled = new WeakMap<object, ReturnType<typeof createPrismaAbility>>();

/** Whether a product matches a validated condition (CASL's Prisma interpreter, as for rules). */
export function matchesProduct(conditions: Record<string, unknown>, product: ProductAttributes): boolean {
  let ability = compiled.get(conditions);
  if (!ability) compiled.set(conditions, (ability = createPrismaAbility([{ action: 'gate', subject: 'DataProduct', conditions }])));
  return ability.can('gate', asSubject('DataProduct', { ...product }));
}

