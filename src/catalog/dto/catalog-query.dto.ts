import { z } from 'zod';
import { CLASSIFICATIONS, SLUG } from '../manifest/manifest.schema';

/** Cursors are opaque to clients: the last name of the page, base64url-encoded. */
export const encodeCursor = (value: string | null) => (value === null ? null : Buffer.from(value, 'utf8').toString('base64url'));
const cursor = z
  .string()
  .max(400)
  .transform((v, ctx) => {
    const decoded = Buffer.from(v, 'base64url').toString('utf8');
    if (!decoded || Buffer.from(decoded, 'utf8').toString('base64url') !== v) {
      ctx.addIssue({ code: 'custom', message: 'is not a cursor returned by this API' });
      return z.NEVER;
    }
    return decoded;
  });

const limit = z.coerce.number({ message: 'must be a whole number from 1 to 200' }).int().min(1).max(200).default(50);

export const productNameParam = z.string().regex(SLUG, 'must be a data product name (lower-case slug)');
export const revisionNumberParam = z.coerce.number({ message: 'must be a revision number' }).int().min(1).max(2_147_483_647);

export const listProductsQuery = z.strictObject({
  owner: z.string().max(200).optional(),
  domain: z.string().max(63).optional(),
  tag: z.string().max(63).optional(),
  classification: z.enum(CLASSIFICATIONS, { message: `must be one of ${CLASSIFICATIONS.join(', ')}` }).optional(),
  tier: z.coerce.number({ message: 'must be a tier from 1 to 4' }).int().min(1).max(4).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  status: z.enum(['active', 'retired', 'all'], { message: 'must be active, retired or all' }).default('active'),
  limit,
  cursor: cursor.optional(),
});
export type ListProductsQuery = z.output<typeof listProductsQuery>;

export const listRevisionsQuery = z.strictObject({
  limit,
  cursor: cursor
    .transform((v, ctx) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) {
        ctx.addIssue({ code: 'custom', message: 'is not a cursor returned by this API' });
        return z.NEVER;
      }
      return n;
    })
    .optional(),
});

export const diffQuery = z.strictObject({
  from: revisionNumberParam.optional(),
  to: revisionNumberParam.optional(),
});
