import { getRouteApi } from '@tanstack/react-router';
import { ComingSoon, Page } from '../components/Page';

const route = getRouteApi('/_app/products/$name/promote');

/** `/products/$name/promote`: request a promotion of a revision to the next environment. */
export default function ProductPromotePage() {
  const { name } = route.useParams();
  return (
    <Page title={`Promote ${name}`}>
      <ComingSoon />
    </Page>
  );
}
