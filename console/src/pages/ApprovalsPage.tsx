import { ComingSoon, Page } from '../components/Page';

/** `/approvals`: the approver's inbox (promotions awaiting me). */
export default function ApprovalsPage() {
  return (
    <Page title="Approvals">
      <ComingSoon />
    </Page>
  );
}
