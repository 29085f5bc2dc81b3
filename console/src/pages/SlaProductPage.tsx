import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState } from 'react';
import { api, data } from '../api/client';
import { isApiProblem } from '../api/problem';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { Page } from '../components/Page';
import { ProblemView } from '../components/ProblemView';
import { StatusBadge } from '../components/StatusBadge';
import { FreshnessChart } from './sla/FreshnessChart';
import { environmentOrder } from './sla/matrix';
import { SlaTimelineTables } from './sla/SlaTimelineTables';
import { RANGE_LABELS, RANGE_MS, SLA_RANGES, type SlaRange } from './sla/timelineModel';

const route = getRouteApi('/_app/sla/$name');

/**
 * `/sla/$name?environment=prod&range=7d`: one product's freshness in one environment over a
 * window: its productions and deadlines (met, missed, ahead) and its breaches, as a chart and as
 * tables (the chart's text alternative). Environment and window are in the URL.
 */
export default function SlaProductPage() {
  const { name } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const range: SlaRange = search.range ?? '7d';
  const state = useQuery({
    queryKey: ['products', name, 'sla'],
    queryFn: ({ signal }) => data(api.GET('/api/v1/data-products/{name}/sla', { params: { path: { name } }, signal })),
  });
  const environments = [...(state.data?.environments ?? [])].sort((a, b) => environmentOrder(a.environment, b.environment));
  // the last environment in promotion order (prod) unless one is asked for
  const environment = search.environment ?? environments.at(-1)?.environment;
  // the window ends now, fixed while the page shows it (a reload moves it)
  const [now] = useState(() => Date.now());
  const from = new Date(now - RANGE_MS[range]).toISOString();
  const to = new Date(now).toISOString();
  const timeline = useQuery({
    queryKey: ['products', name, 'sla', 'timeline', environment ?? null, range, now],
    queryFn: ({ signal }) => data(api.GET('/api/v1/data-products/{name}/sla/timeline', { params: { path: { name }, query: { environment: environment!, from, to } }, signal })),
    enabled: Boolean(environment),
    placeholderData: keepPreviousData,
  });
  if (isApiProblem(state.error) && state.error.status === 404) return <NotFound what={`There is no data product named ${name}.`} />;
  const current = environments.find((e) => e.environment === environment);
  const outputs = current?.outputs.map((o) => o.output) ?? [];
  return (
    <Page
      title={`SLA of ${name}`}
      documentTitle={`${name} · SLA`}
      description={
        state.data?.freshness ? (
          <>
            Each output must be produced at least every <code>{state.data.freshness}</code>.{' '}
            <Link to="/products/$name" params={{ name }} search={{ tab: 'sla' }}>
              The product's SLA tab
            </Link>
          </>
        ) : undefined
      }
    >
      {state.error ? (
        <ProblemView error={state.error} onRetry={() => void state.refetch()} />
      ) : !state.data ? (
        <Loading label="Loading the SLA…" />
      ) : !state.data.freshness ? (
        <p className="empty-state">{name} declares no freshness SLA: nothing is checked.</p>
      ) : environments.length === 0 ? (
        <p className="empty-state">{name} runs in no environment yet.</p>
      ) : (
        <>
          <form className="runs-filters" aria-label="Timeline" onSubmit={(e) => e.preventDefault()}>
            <div className="runs-filters__actions">
              <label htmlFor="sla-environment">Environment</label>
              <select id="sla-environment" className="select" value={environment} onChange={(e) => void navigate({ search: (s) => ({ ...s, environment: e.target.value }), replace: true })}>
                {environments.map((e) => (
                  <option key={e.environment} value={e.environment}>
                    {e.environment}
                  </option>
                ))}
              </select>
              <label htmlFor="sla-range">Window</label>
              <select id="sla-range" className="select" value={range} onChange={(e) => void navigate({ search: (s) => ({ ...s, range: e.target.value === '7d' ? undefined : (e.target.value as SlaRange) }), replace: true })}>
                {SLA_RANGES.map((r) => (
                  <option key={r} value={r}>
                    {RANGE_LABELS[r]}
                  </option>
                ))}
              </select>
              {current && <StatusBadge status={current.status} context={`Now, in ${current.environment}:`} />}
            </div>
          </form>
          <section aria-labelledby="sla-timeline" aria-busy={timeline.isFetching || undefined}>
            <h2 id="sla-timeline">
              Freshness in {environment}, {RANGE_LABELS[range].toLowerCase()}
            </h2>
            {timeline.error ? (
              <ProblemView error={timeline.error} headingLevel={3} onRetry={() => void timeline.refetch()} />
            ) : !timeline.data ? (
              <Loading label="Loading the timeline…" />
            ) : (
              <>
                <FreshnessChart timeline={timeline.data} outputs={outputs} />
                <SlaTimelineTables timeline={timeline.data} />
              </>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
