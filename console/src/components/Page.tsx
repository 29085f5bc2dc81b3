import { useEffect, useRef, type ReactNode } from 'react';
import { useDocumentTitle } from '../lib/title';

let firstPage = true;

interface PageProps {
  /** The page's <h1>, and the document title ("<title> · Gatehouse"). */
  title: string;
  /** Replaces the document title when it should say more or less than the heading. */
  documentTitle?: string;
  /** A line under the heading. */
  description?: ReactNode;
  /** Buttons or links at the heading's right. */
  actions?: ReactNode;
  children?: ReactNode;
}

/**
 * The frame of every page: one <h1>, the document title, and after a client-side navigation the
 * keyboard focus on the heading (so screen readers announce the new page). Pages render inside
 * the layout's <main>.
 */
export function Page({ title, documentTitle, description, actions, children }: PageProps) {
  useDocumentTitle(documentTitle ?? title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPage) {
      firstPage = false; // the initial load keeps the browser's focus (skip link first)
      return;
    }
    heading.current?.focus({ preventScroll: false });
  }, []);
  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h1 ref={heading} tabIndex={-1} className="page__title">
            {title}
          </h1>
          {description && <p className="page__description">{description}</p>}
        </div>
        {actions && <div className="page__actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
