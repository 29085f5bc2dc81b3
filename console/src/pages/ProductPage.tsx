import * as Tabs from '@radix-ui/react-tabs';
import { getRouteApi } from '@tanstack/react-router';
import { ComingSoon, Page } from '../components/Page';
import { PRODUCT_TABS, type ProductTab } from '../searchParams';

const route = getRouteApi('/_app/products/$name');

const TAB_LABELS: Record<ProductTab, string> = {
  overview: 'Overview',
  manifest: 'Manifest',
  revisions: 'Revisions',
  promotions: 'Promotions',
  runs: 'Runs',
  sla: 'SLA',
  audit: 'Audit',
};

/**
 * `/products/$name`: one data product, in tabs kept in the URL (`?tab=revisions&from=3&to=5`).
 * The tab strip is Radix Tabs (arrow keys move between tabs), driven by the `tab` search param.
 */
export default function ProductPage() {
  const { name } = route.useParams();
  const { tab = 'overview' } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <Page title={name} documentTitle={`${name} · Catalog`}>
      <Tabs.Root
        className="tabs"
        value={tab}
        onValueChange={(value) => void navigate({ search: (s) => ({ ...s, tab: value === 'overview' ? undefined : (value as ProductTab) }), replace: true })}
      >
        <Tabs.List className="tabs__list" aria-label="Product sections">
          {PRODUCT_TABS.map((t) => (
            <Tabs.Trigger key={t} value={t} className="tabs__trigger">
              {TAB_LABELS[t]}
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {PRODUCT_TABS.map((t) => (
          <Tabs.Content key={t} value={t} className="tabs__panel">
            <h2 className="visually-hidden">{TAB_LABELS[t]}</h2>
            <ComingSoon />
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </Page>
  );
}
