import { z } from 'zod';
import { pageQueryFields } from '../../common/pagination';
import { CLASSIFICATIONS, SLUG } from '../manifest/manifest.schema';

const { limit, cursor } = pageQueryFields;

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
  cursor,
});
export type ListProductsQuery = z.output<typeof listProductsQuery>;

export const listRevisionsQuery = z.strictObject({
  limit,
  cursor: pageQueryFields.cursor
    .unwrap()
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
