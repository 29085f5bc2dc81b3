import { z } from 'zod';
import { listRevisionsQuery } from '../../catalog/dto/catalog-query.dto';
import { AUDIT_OUTCOMES } from '../audit.types';

export { encodeCursor } from '../../common/pagination';

/** The catalog's opaque cursor over a positive whole number; here it is the last seq of a page. */
const seqCursor = listRevisionsQuery.shape.cursor.transform((seq) => (seq === undefined ? undefined : BigInt(seq)));

const instant = (description: string) =>
  z.iso
    .datetime({ offset: true, message: 'must be an RFC 3339 date-time such as 2026-01-31T12:00:00Z' })
    .transform((v) => new Date(v))
    .optional()
    .describe(description);

const text = (max: number) => z.string().min(1).max(max).optional();

export const listAuditQuery = z
  .strictObject({
    principal: text(200).describe('Only entries by this principal id'),
    subjectType: text(100).describe('Only entries about this kind of subject, e.g. DataProduct'),
    subjectId: text(200).describe('Only entries about this subject, e.g. a product name'),
    action: text(100).describe('Only this action, e.g. data-product.update'),
    outcome: z.enum(AUDIT_OUTCOMES, { message: `must be one of ${AUDIT_OUTCOMES.join(', ')}` }).optional(),
    from: instant('Entries at or after this time'),
    to: instant('Entries before this time'),
    limit: listRevisionsQuery.shape.limit,
    cursor: seqCursor,
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ['to'], message: 'must be later than from' });
export type ListAuditQuery = z.output<typeof listAuditQuery>;
