import { getRouteApi } from '@tanstack/react-router';
import { ComingSoon, Page } from '../components/Page';

const route = getRouteApi('/_app/audit');

/** `/audit`: the audit trail, filtered (principal, subject, action, outcome, time), cursor-paged, CSV export. */
export default function AuditPage() {
  const search = route.useSearch();
  void search; // { principal?, subjectType?, subjectId?, action?, outcome?, from?, to?, cursor? }
  return (
    <Page title="Audit">
      <ComingSoon />
    </Page>
  );
}
