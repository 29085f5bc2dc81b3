import { getRouteApi } from '@tanstack/react-router';
import { ComingSoon, Page } from '../components/Page';

const route = getRouteApi('/_app/catalog');

/** `/catalog`: data products, searched and filtered (q, owner, domain, tier, classification, tag, status), cursor-paged. */
export default function CatalogPage() {
  const search = route.useSearch();
  void search; // { q?, owner?, domain?, tier?, classification?, tag?, status?, cursor? }: pass on as the API's query
  return (
    <Page title="Catalog">
      <ComingSoon />
    </Page>
  );
}
