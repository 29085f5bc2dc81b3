import { getRouteApi } from '@tanstack/react-router';
import { ComingSoon, Page } from '../components/Page';

const route = getRouteApi('/_app/products/$name/edit');

/** `/products/$name/edit`: change the manifest (PUT/PATCH with If-Match). */
export default function ProductEditPage() {
  const { name } = route.useParams();
  return (
    <Page title={`Edit ${name}`}>
      <ComingSoon />
    </Page>
  );
}
