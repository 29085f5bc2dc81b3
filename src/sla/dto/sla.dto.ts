import { z } from 'zod';
import { pageQueryFields } from '../../common/pagination';

export const slaQuery = z.strictObject({
  product: z.string().max(63).optional(),
  environment: z.string().max(40).optional(),
  status: z.enum(['fresh', 'breached']).optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type SlaQueryDto = z.output<typeof slaQuery>;

export const breachQuery = z.strictObject({
  product: z.string().max(63).optional(),
  environment: z.string().max(40).optional(),
  open: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...pageQueryFields,
});
export type BreachQueryDto = z.output<typeof breachQuery>;
