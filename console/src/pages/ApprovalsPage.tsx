import { useState } from 'react';
import { POLL } from '../api/polling';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { Pager } from '../components/Pager';
import { ProblemView } from '../components/ProblemView';
import { PromotionTable } from './promotion/PromotionTable';
import { usePromotionList } from './promotion/queries';

/**
 * `/approvals`: the approver's inbox: open promotions I may approve and have not decided on
 * (`awaitingMe=true`, decided by the server), newest first as the server
 * sends them. Polled with ETags every ~5 s, so a new request or someone else’s decision shows up.
 */
export default function ApprovalsPage() {
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const inbox = usePromotionList({ awaitingMe: 'true', limit: 50, cursor }, POLL.inbox);
  const count = inbox.data?.items.length ?? 0;
  return (
    <Page title="Approvals" description="Promotions waiting for your decision. This list updates by itself.">
      {inbox.error && <ProblemView error={inbox.error} onRetry={() => void inbox.refetch()} />}
      {!inbox.data ? (
        !inbox.error && <Loading label="Loading your inbox…" />
      ) : count === 0 && !cursor ? (
        <div className="empty-state">
          <p>Nothing waits for your decision.</p>
        </div>
      ) : (
        <>
          <p className="promotion-count" role="status">
            {count} promotion{count === 1 ? '' : 's'} {count === 1 ? 'waits' : 'wait'} for your decision{inbox.data.nextCursor ? ' on this page' : ''}.
          </p>
          <PromotionTable items={inbox.data.items} caption="Promotions waiting for your decision" />
          <Pager cursor={cursor} nextCursor={inbox.data.nextCursor} onChange={setCursor} label="Approvals" />
        </>
      )}
    </Page>
  );
}
