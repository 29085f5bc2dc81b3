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

const DAY = 86_400_000;
/** The longest period one timeline covers. */
export const TIMELINE_MAX_DAYS = 90;

const instant = (description: string) =>
  z.iso
    .datetime({ offset: true, message: 'must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z' })
    .transform((v) => new Date(v))
    .optional()
    .describe(description);

/** The query's fields, as the OpenAPI document lists them; timelineQuery adds the defaults and the period's checks. */
export const timelineQueryFields = z.strictObject({
  environment: z.string().min(1).max(40).optional().describe('Default: the last environment (of GATEHOUSE_ENVIRONMENTS) the product is bound in'),
  from: instant(`Start of the period, at most ${TIMELINE_MAX_DAYS} days before \`to\`; default: 7 days before \`to\``),
  to: instant('End of the period; default: now'),
});

export const timelineQuery = timelineQueryFields.transform((q, ctx) => {
  const to = q.to ?? new Date();
  const from = q.from ?? new Date(to.getTime() - 7 * DAY);
  if (from >= to) ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be before to' });
  else if (to.getTime() - from.getTime() > TIMELINE_MAX_DAYS * DAY) ctx.addIssue({ code: 'custom', path: ['from'], message: `must be at most ${TIMELINE_MAX_DAYS} days before to` });
  return { environment: q.environment, from, to };
});
export type TimelineQueryDto = z.output<typeof timelineQuery>;
