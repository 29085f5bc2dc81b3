import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { Classification } from '../components/Classification';
import { EnvironmentBadge } from '../components/EnvironmentBadge';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { Pager } from '../components/Pager';
import { ProblemView } from '../components/ProblemView';
import { CatalogFilters, type FilterChange } from './catalog/CatalogFilters';
import { catalogPageQuery, environmentsOf, filterOf, hasFilter, type ProductSummary } from './catalog/catalogQuery';
import { ExportCsv } from './catalog/ExportCsv';

const route = getRouteApi('/_app/catalog');

/**
 * `/catalog`: data products, searched and filtered (q, owner, domain, tier, classification, tag,
 * status), cursor-paged, with the revision each environment runs. Everything is in the URL and
 * passed on to the API as it is; the API pages, so the page stays fast however big the catalog.
 */
export default function CatalogPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const products = useQuery({ ...catalogPageQuery(search), placeholderData: keepPreviousData });
  const filter = filterOf(search);

  const change = ({ patch, replace }: FilterChange) =>
    void navigate({ search: (s) => ({ ...s, ...patch, cursor: undefined }), replace });

  return (
    <Page title="Catalog" description="Every data product you may read, with the revision each environment runs." actions={<ExportCsv filter={filter} />}>
      <CatalogFilters search={search} onChange={change} />
      <section className="catalog-results" aria-labelledby="catalog-results-title">
        <h2 id="catalog-results-title" className="visually-hidden">
          Data products
        </h2>
        {products.error ? (
          <ProblemView error={products.error} onRetry={() => void products.refetch()} />
        ) : !products.data ? (
          <Loading label="Loading the catalog…" />
        ) : (
          <>
            <p className="catalog-results__count" role="status" aria-live="polite">
              {products.isPlaceholderData ? 'Updating…' : resultText(products.data.items.length, Boolean(search.cursor), Boolean(products.data.nextCursor), hasFilter(search))}
            </p>
            {products.data.items.length === 0 ? (
              <div className="empty-state">
                <p>{hasFilter(search) ? 'No data product matches these filters.' : 'The catalog is empty: no data product is registered yet (or none you may read).'}</p>
                {hasFilter(search) && (
                  <p>
                    <Link to="/catalog" search={{}}>
                      Show the whole catalog
                    </Link>
                  </p>
                )}
              </div>
            ) : (
              <ProductTable items={products.data.items} busy={products.isFetching} />
            )}
            <Pager cursor={search.cursor} nextCursor={products.data.nextCursor} onChange={(cursor) => void navigate({ search: (s) => ({ ...s, cursor }) })} label="Data products" />
          </>
        )}
      </section>
    </Page>
  );
}

function resultText(shown: number, paged: boolean, more: boolean, filtered: boolean): string {
  if (shown === 0) return filtered ? 'No matches.' : 'No data products.';
  const what = `${shown} data product${shown === 1 ? '' : 's'}`;
  return `${paged ? `Showing ${what} on this page` : `Showing ${what}`}${more ? '; more on the next page' : ''}${filtered ? ' matching the filters' : ''}.`;
}

function ProductTable({ items, busy }: { items: ProductSummary[]; busy: boolean }) {
  const environments = environmentsOf(items);
  return (
    <div className="table-wrap">
      <table className="table catalog-table" aria-label="Data products" aria-busy={busy || undefined}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Title</th>
            <th scope="col">Owner</th>
            <th scope="col" className="numeric">
              Tier
            </th>
            <th scope="col">Classification</th>
            {environments.map((env) => (
              <th key={env} scope="col">
                {env}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {items.map((p) => {
            const byEnv = new Map(p.environments.map((e) => [e.environment, e]));
            return (
              <tr key={p.name}>
                <th scope="row" className="catalog-table__name">
                  <Link to="/products/$name" params={{ name: p.name }}>
                    {p.name}
                  </Link>
                  {p.status === 'retired' && <span className="product-retired-tag">retired</span>}
                </th>
                <td>{p.title}</td>
                <td>
                  <code>{p.owner}</code>
                </td>
                <td className="numeric">{p.tier}</td>
                <td>
                  <Classification classification={p.classification} pii={p.containsPii} />
                </td>
                {environments.map((env) => {
                  const state = byEnv.get(env);
                  return <td key={env}>{state ? <EnvironmentBadge state={state} /> : '—'}</td>;
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
