import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type FormEvent } from 'react';
import { api, data } from '../api/client';
import { RUN_SOURCES, RUN_STATUSES } from '../api/enums';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { Pager } from '../components/Pager';
import { ProblemView } from '../components/ProblemView';
import { RelativeTime } from '../components/RelativeTime';
import { StatusBadge, statusInfo } from '../components/StatusBadge';
import type { RunsSearch } from '../searchParams';
import { durationMs, formatDuration, targetLabel } from './runs/taskRuns';

const route = getRouteApi('/_app/runs');

const SOURCE_LABELS: Record<(typeof RUN_SOURCES)[number], string> = { gatehouse: 'Triggered by Gatehouse', lineage: 'Reported by lineage' };

/**
 * `/runs`: every run Gatehouse knows of (triggered here, or only reported by an orchestrator's
 * lineage), newest first, filtered by product, environment, orchestrator, status and source (in
 * the URL), cursor-paged; each opens its detail.
 */
export default function RunsPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { cursor, ...filters } = search;
  const runs = useQuery({
    queryKey: ['runs', search],
    queryFn: ({ signal }) => data(api.GET('/api/v1/runs', { params: { query: search }, signal })),
    placeholderData: keepPreviousData,
  });
  const filtered = Object.values(filters).some((v) => v !== undefined);
  const items = runs.data?.items ?? [];
  return (
    <Page title="Runs" description="Runs of the data products: those Gatehouse triggered and those the orchestrators' lineage reported.">
      <RunFilters key={JSON.stringify(filters)} search={filters} filtered={filtered} onApply={(next) => void navigate({ search: next })} />
      <section aria-labelledby="runs-heading" aria-busy={runs.isFetching || undefined}>
        <h2 id="runs-heading" className="visually-hidden">
          Runs
        </h2>
        {runs.isPending ? (
          <Loading label="Loading runs…" />
        ) : runs.error && !runs.data ? (
          <ProblemView error={runs.error} onRetry={() => void runs.refetch()} headingLevel={3} />
        ) : items.length === 0 ? (
          <p className="empty-state">{filtered ? 'No run matches these filters.' : 'No run is known yet.'}</p>
        ) : (
          <>
            <div className="table-wrap">
              <table className="table" aria-label="Runs">
                <thead>
                  <tr>
                    <th scope="col">Run</th>
                    <th scope="col">Product</th>
                    <th scope="col">Status</th>
                    <th scope="col">Environment</th>
                    <th scope="col">Orchestrator</th>
                    <th scope="col">Started</th>
                    <th scope="col" className="numeric">
                      Duration
                    </th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((r) => (
                    <tr key={r.id}>
                      <th scope="row">
                        <Link to="/runs/$id" params={{ id: r.id }} aria-label={`Run ${r.id.slice(0, 8)} of ${r.product ?? 'no product'}, ${statusInfo(r.status).label}`}>
                          <code>{r.id.slice(0, 8)}</code>
                        </Link>
                      </th>
                      <td>
                        {r.product ? (
                          <Link to="/products/$name" params={{ name: r.product }}>
                            {r.product}
                          </Link>
                        ) : (
                          '—'
                        )}
                        {r.revision !== null && <span className="product-muted"> r{r.revision}</span>}
                      </td>
                      <td>
                        <StatusBadge status={r.status} />
                        {r.error && <div className="product-muted runs__error">{r.error}</div>}
                      </td>
                      <td>{r.environment}</td>
                      <td>
                        <code>{r.orchestrator}</code>
                        <div className="product-muted">{targetLabel(r.target)}</div>
                      </td>
                      <td>
                        <RelativeTime value={r.startedAt} fallback="not started" />
                      </td>
                      <td className="numeric">{formatDuration(durationMs(r.startedAt, r.endedAt))}</td>
                      <td>{r.source === 'gatehouse' ? `triggered by ${r.requestedBy}` : 'reported by lineage'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager cursor={cursor} nextCursor={runs.data?.nextCursor} label="Runs" onChange={(next) => void navigate({ search: (s) => ({ ...s, cursor: next }) })} />
          </>
        )}
      </section>
    </Page>
  );
}

type Filters = Omit<RunsSearch, 'cursor'>;

/** The filters, applied on submit (back to the first page). Environments and orchestrators come from the configured instances. */
function RunFilters({ search, filtered, onApply }: { search: Filters; filtered: boolean; onApply: (search: RunsSearch) => void }) {
  const [form, setForm] = useState<Filters>(search);
  const orchestrators = useQuery({
    queryKey: ['orchestrators'],
    queryFn: ({ signal }) => data(api.GET('/api/v1/orchestrators', { signal })),
    staleTime: 60_000,
  });
  const instances = orchestrators.data?.items ?? [];
  const environments = [...new Set(instances.map((o) => o.environment))];
  const set = <K extends keyof Filters>(key: K, value: Filters[K]) => setForm((f) => ({ ...f, [key]: value === '' ? undefined : value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...form, product: form.product?.trim() || undefined });
  };
  const choice = (key: 'environment' | 'orchestrator', label: string, values: string[]) => (
    <div className="form__field">
      <label htmlFor={`runs-${key}`}>{label}</label>
      {values.length ? (
        <select id={`runs-${key}`} className="select" value={form[key] ?? ''} onChange={(e) => set(key, e.target.value)}>
          <option value="">Any</option>
          {[...new Set([...values, ...(form[key] ? [form[key]] : [])])].map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </select>
      ) : (
        <input id={`runs-${key}`} className="input" value={form[key] ?? ''} onChange={(e) => set(key, e.target.value)} autoComplete="off" />
      )}
    </div>
  );
  return (
    <form className="runs-filters" role="search" aria-label="Filter runs" onSubmit={submit} noValidate>
      <div className="runs-filters__grid">
        <div className="form__field">
          <label htmlFor="runs-product">Product</label>
          <input id="runs-product" className="input" value={form.product ?? ''} onChange={(e) => set('product', e.target.value)} autoComplete="off" />
        </div>
        {choice('environment', 'Environment', environments)}
        {choice(
          'orchestrator',
          'Orchestrator',
          instances.map((o) => o.name),
        )}
        <div className="form__field">
          <label htmlFor="runs-status">Status</label>
          <select id="runs-status" className="select" value={form.status ?? ''} onChange={(e) => set('status', e.target.value as Filters['status'])}>
            <option value="">Any</option>
            {RUN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusInfo(s).label}
              </option>
            ))}
          </select>
        </div>
        <div className="form__field">
          <label htmlFor="runs-source">Source</label>
          <select id="runs-source" className="select" value={form.source ?? ''} onChange={(e) => set('source', e.target.value as Filters['source'])}>
            <option value="">Any</option>
            {RUN_SOURCES.map((s) => (
              <option key={s} value={s}>
                {SOURCE_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="runs-filters__actions">
        <button type="submit" className="button button--primary">
          Apply filters
        </button>
        {filtered && (
          <button type="button" className="button button--quiet" onClick={() => onApply({})}>
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
