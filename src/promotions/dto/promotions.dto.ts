import { z } from 'zod';
import { pageQueryFields } from '../../common/pagination';
import { GATE_CHECKS } from '../../policy/policy-vocabulary';
import { PROMOTION_STATES } from '../promotion.types';

const reason = z.string().trim().min(1, 'must say why').max(2000);

export const promotionRequestBody = z.strictObject({
  product: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be a data product name'),
  revision: z.number().int().min(1),
  from: z.string().min(1).max(40),
  to: z.string().min(1).max(40),
  reason,
});

/** A dry run asks what the gates say; the reason is what a real request records, so it may be left out. */
export const promotionPreviewBody = promotionRequestBody.extend({ reason: reason.optional() });

export const approvalBody = z
  .strictObject({
    decision: z.enum(['approve', 'reject']),
    comment: z.string().max(2000).default(''),
  })
  // A rejection without a reason only brings the same request back.
  .refine((body) => body.decision !== 'reject' || body.comment.trim().length > 0, { path: ['comment'], message: 'a rejection must say why' });

export const overrideBody = z.strictObject({
  check: z.enum(GATE_CHECKS),
  reason: z.string().trim().min(10, 'a break-glass override needs a written reason (at least 10 characters)').max(2000),
});

export const acknowledgementBody = z.strictObject({
  downstream: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be a data product name'),
  comment: z.string().max(2000).default(''),
});

export const rollbackBody = z.strictObject({
  revision: z.number().int().min(1).optional(),
  reason,
});

export const listPromotionsQuery = z.strictObject({
  state: z.enum(PROMOTION_STATES).optional(),
  product: z.string().max(63).optional(),
  awaitingMe: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  awaitingAcknowledgement: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  ...pageQueryFields,
});

export const promotionIdParam = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be a promotion id');
export const idempotencyKey = z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces').optional();
export const environmentParam = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be an environment name');
