import * as Tabs from '@radix-ui/react-tabs';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { isApiProblem } from '../api/problem';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { Page } from '../components/Page';
import { ProblemView } from '../components/ProblemView';
import { PRODUCT_TABS, type ProductTab } from '../searchParams';
import { useProductActions } from './product/actions';
import { AuditTab } from './product/AuditTab';
import { ContractTab } from './product/ContractTab';
import { clearSavedFlash, peekSavedFlash } from './product/flash';
import { Guarded } from './product/Guarded';
import { ImpactTab } from './product/ImpactTab';
import { ManifestTab } from './product/ManifestTab';
import { OverviewTab } from './product/OverviewTab';
import { ProductHeader } from './product/ProductHeader';
import { PromotionsTab } from './product/PromotionsTab';
import { useProduct } from './product/queries';
import { RevisionsTab } from './product/RevisionsTab';
import { RunsTab } from './product/RunsTab';
import { SlaTab } from './product/SlaTab';

const route = getRouteApi('/_app/products/$name');

const TAB_LABELS: Record<ProductTab, string> = {
  overview: 'Overview',
  manifest: 'Manifest',
  revisions: 'Revisions',
  promotions: 'Promotions',
  runs: 'Runs',
  sla: 'SLA',
  contract: 'Contract',
  impact: 'Impact',
  audit: 'Audit',
};

/**
 * `/products/$name`: one data product: its facts and where it runs, the actions the server
 * allows (Edit, Request a promotion; disabled with the reason otherwise), and tabs kept in the
 * URL (`?tab=revisions&from=1&to=3`). The tab strip is Radix Tabs (arrow keys move between tabs).
 */
export default function ProductPage() {
  const { name } = route.useParams();
  const search = route.useSearch();
  const { tab = 'overview' } = search;
  const navigate = route.useNavigate();
  const product = useProduct(name);
  const actions = useProductActions(name, product.data);

  // "saved" after the edit page: shown once
  const [saved] = useState(() => peekSavedFlash(name));
  useEffect(() => clearSavedFlash(name), [name]);

  if (isApiProblem(product.error) && product.error.status === 404 && product.error.code === 'not_found') {
    return <NotFound what={`There is no data product named ${name}.`} />;
  }

  const onCursor = (cursor: string | undefined) => void navigate({ search: (s) => ({ ...s, cursor }) });
  const data = product.data;
  const tabBody = (t: ProductTab) => {
    switch (t) {
      case 'promotions':
        return <PromotionsTab name={name} cursor={search.cursor} onCursor={onCursor} promote={actions.promote} />;
      case 'runs':
        return <RunsTab name={name} cursor={search.cursor} onCursor={onCursor} />;
      case 'sla':
        return <SlaTab name={name} />;
      case 'contract':
        return <ContractTab name={name} />;
      case 'impact':
        return <ImpactTab name={name} group={search.group} onGroup={(group) => void navigate({ search: (s) => ({ ...s, group }), replace: true })} />;
      case 'audit':
        return <AuditTab name={name} cursor={search.cursor} onCursor={onCursor} />;
      default:
        break;
    }
    // the others show the product itself
    if (!data) return product.error ? null : <Loading label={`Loading ${name}…`} />;
    if (t === 'manifest') return <ManifestTab product={data} />;
    if (t === 'revisions')
      return (
        <RevisionsTab
          product={data}
          search={search}
          onPick={(side, value) => {
            const env = 'environment' in value ? value.environment : undefined;
            const revision = 'revision' in value ? value.revision : undefined;
            void navigate({ search: (s) => (side === 'from' ? { ...s, from: revision, fromEnv: env } : { ...s, to: revision, toEnv: env }) });
          }}
        />
      );
    return <OverviewTab product={data} />;
  };

  return (
    <Page
      title={name}
      documentTitle={`${name} · Catalog`}
      description={data ? data.title : undefined}
      actions={
        <>
          <Link to="/lineage" search={{ product: name }} className="button">
            Lineage
          </Link>
          <Guarded reason={actions.edit.reason} pending={actions.edit.pending} label="Edit">
            <Link to="/products/$name/edit" params={{ name }} className="button">
              Edit
            </Link>
          </Guarded>
          <Guarded reason={actions.promote.reason} pending={actions.promote.pending} label="Request a promotion">
            <Link to="/products/$name/promote" params={{ name }} className="button button--primary">
              Request a promotion
            </Link>
          </Guarded>
        </>
      }
    >
      {saved && (
        <p className="notice product-saved" role="status">
          {saved.outcome === 'updated' ? `Saved: ${name} is now r${saved.revision}.` : `Unchanged: what you submitted is r${saved.revision} as it is, so no new revision was made.`}
        </p>
      )}
      {product.error ? <ProblemView error={product.error} onRetry={() => void product.refetch()} /> : data ? <ProductHeader product={data} /> : <Loading label={`Loading ${name}…`} />}
      <Tabs.Root
        className="tabs product-tabs"
        value={tab}
        onValueChange={(value) => void navigate({ search: (s) => ({ ...s, tab: value === 'overview' ? undefined : (value as ProductTab), cursor: undefined }), replace: true })}
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
            {t === tab && tabBody(t)}
          </Tabs.Content>
        ))}
      </Tabs.Root>
    </Page>
  );
}
