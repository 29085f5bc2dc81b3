/** A classification, with a PII marker (in words for screen readers) when the product holds personal data. */
export function Classification({ classification, pii }: { classification: string; pii: boolean }) {
  return (
    <span className={`classification classification--${classification}`}>
      {classification}
      {pii && (
        <>
          {' '}
          <span className="pii-marker" title="Contains personal data">
            <span aria-hidden="true">PII</span>
            <span className="visually-hidden">, contains personal data</span>
          </span>
        </>
      )}
    </span>
  );
}
