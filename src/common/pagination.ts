import { z } from 'zod';

/** One page of a keyset-paginated list; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Every list in the API pages the same way: keyset pagination on a unique key, and a cursor that
 * is the page's last key, base64url-encoded and opaque to clients.
 */
export const encodeCursor = (value: string | null) => (value === null ? null : Buffer.from(value, 'utf8').toString('base64url'));

export const pageQueryFields = {
  limit: z.coerce.number({ message: 'must be a whole number from 1 to 200' }).int().min(1).max(200).default(50),
  cursor: z
    .string()
    .max(400)
    .transform((v, ctx) => {
      const decoded = Buffer.from(v, 'base64url').toString('utf8');
      if (!decoded || Buffer.from(decoded, 'utf8').toString('base64url') !== v) {
        ctx.addIssue({ code: 'custom', message: 'is not a cursor returned by this API' });
        return z.NEVER;
      }
      return decoded;
    })
    .optional(),
};

/** Takes `limit + 1` rows (the extra one only says whether another page exists). */
export function pageOf<T>(rows: T[], limit: number, keyOf: (item: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? keyOf(items[items.length - 1]) : null };
}

/** The page as the API answers it, with the cursor encoded. */
export function pageResponse<T>(page: Page<T>): Page<T> {
  return { items: page.items, nextCursor: encodeCursor(page.nextCursor) };
}
