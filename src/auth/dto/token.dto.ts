import { z } from 'zod';
import { pageQueryFields } from '../../common/pagination';
import { principalId } from '../../principals/dto/principal.dto';
import { TOKEN_ID } from '../token-format';

export const issueTokenBody = z.strictObject({
  /** Any principal id, `admin` included: the bootstrap administrator can get further tokens. */
  principal: principalId,
  expiresAt: z.iso
    .datetime({ offset: true, message: 'must be an ISO 8601 date-time with a time zone, such as 2027-01-31T00:00:00Z' })
    .transform((v) => new Date(v))
    .optional(),
  description: z.string().trim().min(1, 'must not be empty').max(500, 'at most 500 characters').optional(),
});
export type IssueTokenBody = z.output<typeof issueTokenBody>;

export const listTokensQuery = z.strictObject({
  principal: principalId.optional(),
  ...pageQueryFields,
});
export type ListTokensQuery = z.output<typeof listTokensQuery>;

export const tokenIdParam = z.string().regex(TOKEN_ID, 'must be a token id (tok_…)');
