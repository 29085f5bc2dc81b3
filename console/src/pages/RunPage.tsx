import { useQuery } from '@tanstack/react-query';
import { getRouteApi, Link } from '@tanstack/react-router';
import { api, data } from '../api/client';
import { isApiProblem } from '../api/problem';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { Page } from '../components/Page';
import { ProblemView } from '../components/ProblemView';
import { RelativeTime } from '../components/RelativeTime';
import { StatusBadge } from '../components/StatusBadge';
import { RunDatasets } from './runs/RunDatasets';
import { TaskRuns } from './runs/TaskRuns';
import { durationMs, externalLinkLabel, formatDuration, runWindow, targetLabel, taskRows, type RunDetail } from './runs/taskRuns';

const route = getRouteApi('/_app/runs/$id');

/** The orchestrator's own page of the run, when the server knows it (only http(s) links are followed). */
function externalUrlOf(run: RunDetail): string | null {
  return run.externalUrl && /^https?:\/\//.test(run.externalUrl) ? run.externalUrl : null;
}

/**
 * `/runs/$id`: one run: what ran where and for which product, its state, timing and errors, its
 * task runs (each task once with its final state and its tries), the datasets it read and wrote
 * (each opens the lineage explorer), and a link to the run in Airflow's or Dagster's own UI.
 * It follows a run still going (every 5 s).
 */
export default function RunPage() {
  const { id } = route.useParams();
  const run = useQuery({
    queryKey: ['runs', 'detail', id],
    queryFn: ({ signal }) => data(api.GET('/api/v1/runs/{id}', { params: { path: { id } }, signal })),
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'queued' || q.state.data.status === 'running') ? 5000 : false),
  });
  const short = id.slice(0, 8);
  if (isApiProblem(run.error) && run.error.status === 404) return <NotFound what={`There is no run ${id}.`} />;
  const r = run.data;
  if (!r) {
    return (
      <Page title={`Run ${short}`} documentTitle={`Run ${short} · Runs`}>
        {run.error ? <ProblemView error={run.error} onRetry={() => void run.refetch()} /> : <Loading label="Loading the run…" />}
      </Page>
    );
  }
  const rows = taskRows(r);
  const window = runWindow(r, rows);
  const external = externalUrlOf(r);
  const errors = [...new Set([r.error, r.lineage?.errorMessage].filter((e): e is string => Boolean(e)))];
  return (
    <Page
      title={`Run ${short}`}
      documentTitle={`Run ${short} · Runs`}
      description={
        <>
          {targetLabel(r.target)} on <code>{r.orchestrator}</code> in {r.environment}
          {r.product && (
            <>
              {' '}
              for{' '}
              <Link to="/products/$name" params={{ name: r.product }}>
                {r.product}
              </Link>
              {r.revision !== null && ` r${r.revision}`}
            </>
          )}
        </>
      }
      actions={
        external && (
          <a className="button" href={external} target="_blank" rel="noopener noreferrer">
            {externalLinkLabel(r.target)}
            <span className="visually-hidden"> (opens in a new tab)</span>
          </a>
        )
      }
    >
      <dl className="run-facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={r.status} />
            {r.nativeStatus && r.nativeStatus !== r.status && <span className="product-muted"> ({r.nativeStatus})</span>}
          </dd>
        </div>
        <div>
          <dt>Requested</dt>
          <dd>
            <RelativeTime value={r.requestedAt} /> {r.source === 'gatehouse' ? `by ${r.requestedBy}` : '(reported by lineage)'}
          </dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>
            <RelativeTime value={r.startedAt} fallback="not started" />
          </dd>
        </div>
        <div>
          <dt>Ended</dt>
          <dd>
            <RelativeTime value={r.endedAt} fallback={r.status === 'running' || r.status === 'queued' ? 'still running' : '—'} />
          </dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(durationMs(r.startedAt, r.endedAt))}</dd>
        </div>
        <div>
          <dt>Run id</dt>
          <dd>
            <code>{r.id}</code>
          </dd>
        </div>
      </dl>
      {errors.length > 0 && (
        <section className="notice notice--warning run-errors" aria-labelledby="run-errors">
          <h2 id="run-errors">Error</h2>
          {errors.map((e) => (
            <pre key={e} className="run-errors__text">
              {e}
            </pre>
          ))}
        </section>
      )}
      <section aria-labelledby="run-tasks">
        <h2 id="run-tasks">Task runs</h2>
        {rows.length === 0 ? (
          <p className="empty-state">{r.lineage ? 'Lineage reported no task of this run.' : 'No task is known yet: they appear when the orchestrator or its lineage reports them.'}</p>
        ) : (
          <TaskRuns rows={rows} window={window} />
        )}
      </section>
      <RunDatasets run={r} />
    </Page>
  );
}
