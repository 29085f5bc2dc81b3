import { Link } from '@tanstack/react-router';
import { Page } from './Page';

/** Unknown console paths, and pages that throw notFound() (a product that does not exist). */
export function NotFound({ what }: { what?: string }) {
  return (
    <Page title="Not found">
      <p>{what ?? 'There is no page at this address.'}</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </Page>
  );
}
