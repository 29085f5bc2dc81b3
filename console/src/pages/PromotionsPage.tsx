import { getRouteApi } from '@tanstack/react-router';
import { ComingSoon, Page } from '../components/Page';

const route = getRouteApi('/_app/promotions');

/** `/promotions`: promotions, newest first, filtered by state and product, cursor-paged. */
export default function PromotionsPage() {
  const search = route.useSearch();
  void search; // { state?, product?, cursor? }
  return (
    <Page title="Promotions">
      <ComingSoon />
    </Page>
  );
}
