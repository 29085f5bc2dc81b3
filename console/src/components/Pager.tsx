interface PagerProps {
  /** The cursor of the page shown (undefined on the first page). */
  cursor: string | undefined;
  /** The answer's cursor of the next page (null/undefined on the last page). */
  nextCursor: string | null | undefined;
  /** Called with the cursor to show: the next one, or undefined for the first page. */
  onChange: (cursor: string | undefined) => void;
  /** Names the list for screen readers, e.g. "Data products". */
  label?: string;
}

/**
 * Cursor paging as the API does it: forward only, plus a way back to the first page. Keep the
 * cursor in the route's search params so a page can be linked and reloaded:
 *
 *   <Pager cursor={search.cursor} nextCursor={page.nextCursor}
 *          onChange={(cursor) => navigate({ search: (s) => ({ ...s, cursor }) })} />
 */
export function Pager({ cursor, nextCursor, onChange, label }: PagerProps) {
  if (!cursor && !nextCursor) return null;
  return (
    <nav className="pager" aria-label={label ? `${label}: pages` : 'Pages'}>
      {cursor && (
        <button type="button" className="button" onClick={() => onChange(undefined)}>
          Back to first page
        </button>
      )}
      {nextCursor && (
        <button type="button" className="button" onClick={() => onChange(nextCursor)}>
          Next page
        </button>
      )}
    </nav>
  );
}
