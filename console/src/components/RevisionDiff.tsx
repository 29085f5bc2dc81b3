import { useQuery } from '@tanstack/react-query';
import { api, data } from '../api/client';
import { ProblemView } from './ProblemView';

export interface RevisionDiffProps {
  product: string;
  from: number;
  to: number;
  headingLevel?: 2 | 3;
}

/**
 * The changes between two revisions of a product, as a reviewer reads them.
 * PLACEHOLDER with the final props: the full semantic view replaces this body.
 */
export function RevisionDiff({ product, from, to }: RevisionDiffProps) {
  const diff = useQuery({
    queryKey: ['diff', product, from, to],
    queryFn: () => data(api.GET('/api/v1/data-products/{name}/diff', { params: { path: { name: product }, query: { from, to } } })),
  });
  if (diff.error) return <ProblemView error={diff.error} />;
  if (!diff.data) return <p>Loading the changes…</p>;
  return (
    <ul aria-label={`Changes from r${from} to r${to}`}>
      {diff.data.changes.map((c) => (
        <li key={c.path}>
          {c.op} {c.path}
        </li>
      ))}
    </ul>
  );
}
