import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { api, data } from '../api/client';
import { SLA_STATUSES } from '../api/enums';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { ProblemView } from '../components/ProblemView';
import { RelativeTime } from '../components/RelativeTime';
import { StatusBadge, statusInfo } from '../components/StatusBadge';
import { slaMatrix } from './sla/matrix';

const route = getRouteApi('/_app/sla');

/**
 * `/sla`: the freshness of every product with an SLA in every environment it runs in (products ×
 * environments), filtered to my teams' products and by state (in the URL); each cell opens that
 * product's freshness timeline and breach history in that environment.
 */
export default function SlaPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const sla = useQuery({
    queryKey: ['sla', search],
    queryFn: ({ signal }) => data(api.GET('/api/v1/sla', { params: { query: { ...(search.mine ? { mine: 'true' as const } : {}), ...(search.status ? { status: search.status } : {}) } }, signal })),
    placeholderData: keepPreviousData,
  });
  const matrix = slaMatrix(sla.data?.items ?? []);
  const filtered = Boolean(search.mine || search.status);
  return (
    <Page title="SLA" description="Whether each product's outputs are fresh, per environment. Open a cell for its timeline and breach history.">
      <form className="runs-filters sla-filters" role="search" aria-label="Filter SLA states" onSubmit={(e) => e.preventDefault()}>
        <div className="runs-filters__actions">
          <label className="impact__group">
            <input type="checkbox" checked={Boolean(search.mine)} onChange={(e) => void navigate({ search: (s) => ({ ...s, mine: e.target.checked ? true : undefined }) })} /> Only my teams' products
          </label>
          <label htmlFor="sla-status">State</label>
          <select id="sla-status" className="select" value={search.status ?? ''} onChange={(e) => void navigate({ search: (s) => ({ ...s, status: e.target.value ? (e.target.value as (typeof SLA_STATUSES)[number]) : undefined }) })}>
            <option value="">Any</option>
            {SLA_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusInfo(s).label}
              </option>
            ))}
          </select>
          {sla.data && (
            <span className="product-muted">
              Evaluated <RelativeTime value={sla.data.evaluatedAt} />
            </span>
          )}
        </div>
      </form>
      <section aria-labelledby="sla-matrix-heading" aria-busy={sla.isFetching || undefined}>
        <h2 id="sla-matrix-heading" className="visually-hidden">
          Products and environments
        </h2>
        {sla.isPending ? (
          <Loading label="Loading SLA states…" />
        ) : sla.error && !sla.data ? (
          <ProblemView error={sla.error} onRetry={() => void sla.refetch()} headingLevel={3} />
        ) : matrix.rows.length === 0 ? (
          <p className="empty-state">{filtered ? 'No product matches these filters.' : 'No product with an SLA runs anywhere yet.'}</p>
        ) : (
          <div className="table-wrap">
            <table className="table sla-matrix" aria-label="SLA state by product and environment">
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Freshness</th>
                  {matrix.environments.map((env) => (
                    <th key={env} scope="col">
                      {env}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((row) => (
                  <tr key={row.product}>
                    <th scope="row">
                      <Link to="/products/$name" params={{ name: row.product }}>
                        {row.product}
                      </Link>
                    </th>
                    <td>
                      <code>{row.freshness}</code>
                    </td>
                    {matrix.environments.map((env) => {
                      const cell = row.cells[env];
                      return (
                        <td key={env}>
                          {cell ? (
                            <Link to="/sla/$name" params={{ name: row.product }} search={{ environment: env }} className="sla-matrix__cell">
                              <span className="visually-hidden">
                                {row.product} in {env}:{' '}
                              </span>
                              <StatusBadge status={cell.status} />
                              {cell.breachesAt && (
                                <span className="product-muted">
                                  {' '}
                                  due <RelativeTime value={cell.breachesAt} />
                                </span>
                              )}
                              <span className="visually-hidden">, open the timeline</span>
                            </Link>
                          ) : (
                            <span className="product-muted">not running</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>
  );
}
