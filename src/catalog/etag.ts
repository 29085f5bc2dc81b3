import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';

/** A product's entity tag changes with every revision and when it is retired. */
export function etagOf(product: { revision: number; status: string }): string {
  return product.status === 'retired' ? `"r${product.revision}-retired"` : `"r${product.revision}"`;
}

/** RFC 9110 If-Match: `*` or a list of strong tags; absent means "no precondition". */
export function assertIfMatch(ifMatch: string | undefined, current: { revision: number; status: string } | null): void {
  if (ifMatch === undefined) return;
  const wanted = ifMatch.split(',').map((t) => t.trim());
  const ok = current !== null && (wanted.includes('*') || wanted.includes(etagOf(current)));
  if (!ok) {
    throw new DomainError(
      ErrorCode.PRECONDITION_FAILED,
      current
        ? `If-Match ${ifMatch} does not match the current ETag ${etagOf(current)}; read the product again and retry.`
        : `If-Match ${ifMatch} was given but the product does not exist.`,
      [],
      current ? { currentEtag: etagOf(current) } : {},
    );
  }
}

/** RFC 9110 If-None-Match: `*` means "only if it does not exist yet". */
export function assertIfNoneMatch(ifNoneMatch: string | undefined, current: { revision: number; status: string } | null): void {
  if (ifNoneMatch === undefined || current === null) return;
  const tags = ifNoneMatch.split(',').map((t) => t.trim());
  if (tags.includes('*') || tags.includes(etagOf(current))) {
    throw new DomainError(ErrorCode.PRECONDITION_FAILED, `If-None-Match ${ifNoneMatch} failed: the product exists at ${etagOf(current)}.`);
  }
}
