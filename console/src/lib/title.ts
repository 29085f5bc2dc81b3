import { useEffect } from 'react';

export const PRODUCT_NAME = 'Gatehouse';

/** Sets the document title to "<page> · Gatehouse" while the component is shown. */
export function useDocumentTitle(pageTitle: string | null | undefined): void {
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${PRODUCT_NAME}` : PRODUCT_NAME;
  }, [pageTitle]);
}
