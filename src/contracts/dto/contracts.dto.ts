import { z } from 'zod';
import { pageQueryFields } from '../../common/pagination';

export const driftQuery = z.strictObject({
  product: z.string().max(63).optional(),
  environment: z.string().max(40).optional(),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...pageQueryFields,
});
export type DriftQueryDto = z.output<typeof driftQuery>;

/** Which output of a product, and which revision, an ODCS export describes. */
export const contractExportQuery = z.strictObject({
  namespace: z.string().min(1, 'must not be empty').max(500).optional(),
  revision: z.coerce.number({ message: 'must be a revision number' }).int().min(1).max(2_147_483_647).optional(),
});
export type ContractExportQueryDto = z.output<typeof contractExportQuery>;

export const productExportQuery = contractExportQuery.pick({ revision: true });
export type ProductExportQueryDto = z.output<typeof productExportQuery>;

/** An output's OpenLineage dataset name, as the path names it (URL-encoded). */
export const outputNameParam = z.string().min(1, 'must be an output (its OpenLineage dataset name)').max(500);
