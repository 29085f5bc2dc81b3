import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Fragment, useState } from 'react';
import { api, data } from '../api/client';
import { DisabledReason } from '../components/DisabledReason';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { ProblemView } from '../components/ProblemView';
import { RelativeTime } from '../components/RelativeTime';
import { StatusBadge } from '../components/StatusBadge';
import type { components } from '../api/schema';
import { discoveredKey, discoveredLabel, isManifest, type SyncItem, type SyncReport } from './orchestrators/proposal';
import { ProposalEditor } from './orchestrators/ProposalEditor';
import { refusal, usePolicyDecision } from './product/queries';

type Orchestrator = components['schemas']['Orchestrator'];

const KIND_LABELS: Record<Orchestrator['kind'], string> = { airflow: 'Airflow', dagster: 'Dagster' };

/**
 * `/orchestrators`: the configured Airflow and Dagster instances with their health and version
 * (asked live), and "Sync": what each instance has (DAGs, assets), which product each is bound
 * to, and for the unbound ones a proposed manifest to review, edit and apply.
 */
export default function OrchestratorsPage() {
  const list = useQuery({
    queryKey: ['orchestrators'],
    queryFn: ({ signal }) => data(api.GET('/api/v1/orchestrators', { signal })),
  });
  const [reports, setReports] = useState<Record<string, SyncReport>>({});
  const [shown, setShown] = useState<string | null>(null);
  return (
    <Page title="Orchestrators" description="The Airflow and Dagster instances Gatehouse runs products on, as they answer now.">
      {list.error ? (
        <ProblemView error={list.error} onRetry={() => void list.refetch()} />
      ) : !list.data ? (
        <Loading label="Asking the orchestrators…" />
      ) : list.data.items.length === 0 ? (
        <p className="empty-state">No orchestrator is configured (GATEHOUSE_ORCHESTRATORS_FILE).</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table" aria-label="Orchestrators" aria-busy={list.isFetching || undefined}>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Environment</th>
                  <th scope="col">Health</th>
                  <th scope="col">Version</th>
                  <th scope="col">Last sync</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((o) => (
                  <OrchestratorRow
                    key={o.name}
                    orchestrator={o}
                    report={reports[o.name]}
                    onSynced={(report) => {
                      setReports((r) => ({ ...r, [o.name]: report }));
                      setShown(o.name);
                    }}
                  />
                ))}
              </tbody>
            </table>
          </div>
          {shown && reports[shown] && <SyncResult key={`${shown}@${reports[shown].discoveredAt}`} report={reports[shown]} />}
        </>
      )}
    </Page>
  );
}

function OrchestratorRow({ orchestrator: o, report, onSynced }: { orchestrator: Orchestrator; report: SyncReport | undefined; onSynced: (r: SyncReport) => void }) {
  const decision = usePolicyDecision('sync', { type: 'Orchestrator', id: o.name });
  const sync = useMutation({
    mutationFn: () => data(api.POST('/api/v1/orchestrators/{name}/sync', { params: { path: { name: o.name } } })),
    onSuccess: onSynced,
  });
  const reason = refusal(decision);
  return (
    <>
      <tr>
        <th scope="row">
          <code>{o.name}</code>
          <div className="product-muted">{o.baseUrl}</div>
        </th>
        <td>{KIND_LABELS[o.kind]}</td>
        <td>{o.environment}</td>
        <td>
          {o.health.healthy ? <StatusBadge status="passed" label="Healthy" /> : <StatusBadge status="failed" label="Unreachable" />}
          {o.health.error && <div className="product-muted">{o.health.error.message}</div>}
          <div className="product-muted">
            checked <RelativeTime value={o.health.checkedAt} />
          </div>
        </td>
        <td>{o.health.version ?? '—'}</td>
        <td>
          <RelativeTime value={report?.discoveredAt} fallback="not in this session" />
        </td>
        <td>
          {reason ? (
            <DisabledReason reason={reason}>Sync {o.name}</DisabledReason>
          ) : (
            <button type="button" className="button" onClick={() => sync.mutate()} aria-disabled={sync.isPending || undefined} aria-busy={sync.isPending || undefined}>
              {sync.isPending ? 'Syncing…' : `Sync ${o.name}`}
            </button>
          )}
        </td>
      </tr>
      {sync.error && (
        <tr>
          <td colSpan={7}>
            <ProblemView error={sync.error} headingLevel={3} onRetry={() => sync.mutate()} />
          </td>
        </tr>
      )}
    </>
  );
}

function SyncResult({ report }: { report: SyncReport }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="sync-result" aria-labelledby="sync-result">
      <h2 id="sync-result">
        What {report.orchestrator} has: {report.bound} bound, {report.unbound} not bound
      </h2>
      <p className="product-muted">
        Discovered <RelativeTime value={report.discoveredAt} />.
      </p>
      {report.items.length === 0 ? (
        <p className="empty-state">{report.orchestrator} has no DAG or asset.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label={`Discovered on ${report.orchestrator}`}>
            <thead>
              <tr>
                <th scope="col">Discovered</th>
                <th scope="col">Owners</th>
                <th scope="col">Details</th>
                <th scope="col">Product</th>
              </tr>
            </thead>
            <tbody>
              {report.items.map((item) => {
                const key = discoveredKey(item);
                return (
                  <Fragment key={key}>
                    <tr>
                      <th scope="row">{discoveredLabel(item)}</th>
                      <td>{item.discovered.owners.length ? item.discovered.owners.join(', ') : '—'}</td>
                      <td>
                        <Details item={item} />
                      </td>
                      <td>
                        {item.product ? (
                          <>
                            Bound to{' '}
                            <Link to="/products/$name" params={{ name: item.product.name }}>
                              {item.product.name}
                            </Link>{' '}
                            <span className="product-muted">r{item.product.revision}</span>
                          </>
                        ) : isManifest(item.proposedManifest) ? (
                          <button type="button" className="button" aria-expanded={open === key} onClick={() => setOpen(open === key ? null : key)}>
                            Review proposed manifest<span className="visually-hidden"> for {discoveredLabel(item)}</span>
                          </button>
                        ) : (
                          'not bound'
                        )}
                      </td>
                    </tr>
                    {open === key && isManifest(item.proposedManifest) && (
                      <tr>
                        <td colSpan={4}>
                          <ProposalEditor proposal={item.proposedManifest} proposalProblems={item.proposalProblems} what={discoveredLabel(item)} onClose={() => setOpen(null)} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Details({ item }: { item: SyncItem }) {
  const d = item.discovered;
  if (d.type === 'dag') {
    return (
      <>
        {d.schedule ? <code>{d.schedule}</code> : 'no schedule'}
        {d.paused && ' · paused'}
        {d.tags.length > 0 && <div className="product-muted">tags {d.tags.join(', ')}</div>}
      </>
    );
  }
  return (
    <>
      {d.group ? `group ${d.group}` : 'no group'}
      {d.kinds.length > 0 && ` · ${d.kinds.join(', ')}`}
      {d.checks.length > 0 && <div className="product-muted">checks {d.checks.join(', ')}</div>}
    </>
  );
}
