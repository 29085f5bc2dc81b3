import { z } from 'zod';
import { pageQueryFields } from '../../common/pagination';

export const driftQuery = z.strictObject({
  product: z.string().max(63).optional(),
  environment: z.string().max(40).optional(),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...pageQueryFields,
});
export type DriftQueryDto = z.output<typeof driftQuery>;
