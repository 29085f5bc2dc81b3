import { z } from 'zod';
import { pageQueryFields } from '../../common/pagination';

export const triggerRunBody = z.strictObject({
  environment: z.string().min(1, 'must name an environment'),
  conf: z.record(z.string(), z.unknown()).optional(),
});
export type TriggerRunBody = z.output<typeof triggerRunBody>;

export const listRunsQuery = z.strictObject({
  product: z.string().max(63).optional(),
  environment: z.string().max(40).optional(),
  orchestrator: z.string().max(63).optional(),
  status: z.enum(['queued', 'running', 'succeeded', 'failed', 'cancelled']).optional(),
  source: z.enum(['gatehouse', 'lineage']).optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...pageQueryFields,
});
export type ListRunsQuery = z.output<typeof listRunsQuery>;

export const runIdParam = z.string().regex(/^[0-9a-f-]{36}$/, 'must be a run id');
