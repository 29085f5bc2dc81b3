import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { api, data } from '../api/client';
import { isApiProblem } from '../api/problem';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { Pager } from '../components/Pager';
import { ProblemView } from '../components/ProblemView';
import { downloadCsv } from '../lib/csv';
import { AuditFilters } from './audit/AuditFilters';
import { AuditTable } from './audit/AuditTable';
import { apiQuery, hasFilters } from './audit/filters';
import { auditCsvRows } from './audit/format';
import { useVerifyChain, VerifyChainButton, VerifyChainResult } from './audit/VerifyChain';

const route = getRouteApi('/_app/audit');

/**
 * `/audit`: the audit trail, newest first, filtered (principal, subject, action, outcome, time;
 * held in the URL, applied on submit), cursor-paged, each entry expandable to its before / after /
 * details and its hashes; "Verify chain" recomputes the hash chain on the server. Only auditors
 * and admins may read it: anyone else sees the policy's "Not allowed".
 */
export default function AuditPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = apiQuery(search);
  const entries = useQuery({
    queryKey: ['audit', query],
    queryFn: () => data(api.GET('/api/v1/audit', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const verify = useVerifyChain();
  const forbidden = isApiProblem(entries.error) && entries.error.status === 403;
  const filtered = hasFilters(search);
  // the form is remounted when the URL's filters change (back and forward, "Clear filters")
  const formKey = JSON.stringify({ ...search, cursor: undefined });

  if (forbidden) {
    return (
      <Page title="Audit">
        <ProblemView error={entries.error} />
      </Page>
    );
  }

  const items = entries.data?.items ?? [];
  return (
    <Page
      title="Audit"
      description="Everything Gatehouse recorded, newest first. Each entry is sealed with a hash over its content and the hash of the entry before it."
      actions={<VerifyChainButton verify={verify} />}
    >
      <VerifyChainResult verify={verify} />
      <AuditFilters
        key={formKey}
        search={search}
        filtered={filtered}
        onApply={(next) => void navigate({ search: next })}
        onClear={() => void navigate({ search: {} })}
      />
      <section className="audit-results" aria-labelledby="audit-results-heading" aria-busy={entries.isFetching || undefined}>
        <div className="audit-results__header">
          <h2 id="audit-results-heading" className="audit-results__title">
            Entries
          </h2>
          {items.length > 0 && (
            <button type="button" className="button" onClick={() => downloadCsv('audit.csv', auditCsvRows(items))}>
              Download this page as CSV
            </button>
          )}
        </div>
        {entries.isPending ? (
          <Loading label="Loading audit entries…" />
        ) : entries.isError && !entries.data ? (
          <ProblemView error={entries.error} onRetry={() => void entries.refetch()} headingLevel={3} />
        ) : items.length === 0 ? (
          <div className="empty-state">
            <p>{filtered ? 'No entry matches these filters.' : 'The audit trail is empty.'}</p>
          </div>
        ) : (
          <>
            <AuditTable entries={items} />
            <Pager
              cursor={search.cursor}
              nextCursor={entries.data?.nextCursor}
              label="Audit entries"
              onChange={(cursor) => void navigate({ search: (s) => ({ ...s, cursor }) })}
            />
          </>
        )}
      </section>
    </Page>
  );
}
