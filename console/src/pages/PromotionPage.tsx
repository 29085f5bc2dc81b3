import { getRouteApi } from '@tanstack/react-router';
import { ComingSoon, Page } from '../components/Page';

const route = getRouteApi('/_app/promotions/$id');

/** `/promotions/$id`: one promotion: gates with evidence, approvals, the run, the actions. */
export default function PromotionPage() {
  const { id } = route.useParams();
  return (
    <Page title="Promotion" documentTitle={`Promotion ${id.slice(0, 8)}`} description={<code>{id}</code>}>
      <ComingSoon />
    </Page>
  );
}
