import { useId, type ReactNode } from 'react';

interface SectionProps {
  title: string;
  /** How many items it lists, shown after the title once known. */
  count?: number;
  /** One sentence under the title: what the list is. */
  description?: ReactNode;
  /** Right of the title: a link to the full list. */
  aside?: ReactNode;
  children: ReactNode;
}

/** One of the home page's sections: an <h2> region with its list, loading state, problem or empty state. */
export function Section({ title, count, description, aside, children }: SectionProps) {
  const id = useId();
  return (
    <section className="home-section" aria-labelledby={id}>
      <div className="home-section__header">
        <h2 id={id} className="home-section__title">
          {title}
          {count !== undefined && <span className="home-section__count"> ({count})</span>}
        </h2>
        {aside && <div className="home-section__aside">{aside}</div>}
      </div>
      {description && <p className="home-section__description">{description}</p>}
      {children}
    </section>
  );
}

/** What a section shows when its list is empty. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <div className="empty-state home-empty">
      <p>{children}</p>
    </div>
  );
}
