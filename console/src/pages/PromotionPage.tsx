import { getRouteApi, Link } from '@tanstack/react-router';
import { useCallback, useRef, useState } from 'react';
import { EligibilityPanel } from '../components/EligibilityPanel';
import { GateList } from '../components/GateList';
import { Loading } from '../components/Loading';
import { NotFound } from '../components/NotFound';
import { Page } from '../components/Page';
import { ProblemView } from '../components/ProblemView';
import { RelativeTime } from '../components/RelativeTime';
import { StatusBadge } from '../components/StatusBadge';
import { isApiProblem } from '../api/problem';
import { AcknowledgeAction } from './promotion/AcknowledgeAction';
import { Changes } from './promotion/Changes';
import { DecisionActions } from './promotion/DecisionActions';
import { Downstream } from './promotion/Downstream';
import { Receipts, type ReceiptEntry } from './promotion/Receipt';
import { StateAnnouncer } from './promotion/StateAnnouncer';
import { isFinal, usePromotion, type PromotionDetail, type PromotionReceipt } from './promotion/queries';

const route = getRouteApi('/_app/promotions/$id');

/** The h1: what is being decided, in a few words. */
export function promotionTitle(p: Pick<PromotionDetail, 'kind' | 'product' | 'revision' | 'from' | 'to'>): string {
  return p.kind === 'rollback' ? `Roll back ${p.product} in ${p.to} to r${p.revision}` : `Promote ${p.product} r${p.revision} to ${p.to}`;
}

function Facts({ promotion }: { promotion: PromotionDetail }) {
  const open = !isFinal(promotion.state) && promotion.state !== 'approved' && promotion.state !== 'executing';
  return (
    <dl className="promotion-facts">
      <dt>State</dt>
      <dd className="promotion-state" data-state={promotion.state}>
        <StatusBadge status={promotion.state} />
        {promotion.stateReason && <span className="promotion-state__reason"> {promotion.stateReason}</span>}
      </dd>
      <dt>Kind</dt>
      <dd>{promotion.kind === 'rollback' ? 'Rollback' : 'Promotion'}, {promotion.from} → {promotion.to}</dd>
      <dt>Requested by</dt>
      <dd>
        <code>{promotion.requestedBy}</code>, <RelativeTime value={promotion.createdAt} />
      </dd>
      <dt>Reason</dt>
      <dd className="promotion-facts__reason">{promotion.reason}</dd>
      <dt>Expires</dt>
      <dd>{promotion.expiresAt ? <RelativeTime value={promotion.expiresAt} /> : open ? 'does not expire' : '—'}</dd>
      {promotion.approvedAt && (
        <>
          <dt>Approved</dt>
          <dd>
            <RelativeTime value={promotion.approvedAt} />
          </dd>
        </>
      )}
      {promotion.runId && (
        <>
          <dt>Run</dt>
          <dd>
            <code>{promotion.runId}</code>
            {promotion.orchestrator && <> on {promotion.orchestrator}</>}
            {promotion.attempts > 1 && <>, attempt {promotion.attempts}</>}
            {promotion.nextAttemptAt && (
              <>
                , next attempt <RelativeTime value={promotion.nextAttemptAt} />
              </>
            )}{' '}
            (
            <Link to="/products/$name" params={{ name: promotion.product }} search={{ tab: 'runs' }}>
              runs of {promotion.product}
            </Link>
            )
          </dd>
        </>
      )}
      {promotion.completedAt && (
        <>
          <dt>Completed</dt>
          <dd>
            <RelativeTime value={promotion.completedAt} />
          </dd>
        </>
      )}
      <dt>Policy version</dt>
      <dd>
        <code className="policy-version">{promotion.policyVersion}</code>
      </dd>
    </dl>
  );
}

function BreakGlassNotice({ promotion }: { promotion: PromotionDetail }) {
  if (!promotion.breakGlass) return null;
  return (
    <div className="notice notice--warning break-glass-notice">
      <p>
        <strong>Break-glass:</strong> {promotion.overrides.length === 1 ? 'a gate was' : `${promotion.overrides.length} gates were`} overridden.
      </p>
      <ul>
        {promotion.overrides.map((o) => (
          <li key={`${o.check}-${o.at}`}>
            <code>{o.check}</code> by <code>{o.by}</code>, <RelativeTime value={o.at} />: “{o.reason}”
          </li>
        ))}
      </ul>
    </div>
  );
}

function Decision({ promotion }: { promotion: PromotionDetail }) {
  const [receipts, setReceipts] = useState<ReceiptEntry[]>([]);
  const counter = useRef(0);
  const onReceipt = useCallback((label: string, receipt: PromotionReceipt) => {
    counter.current += 1;
    const key = counter.current;
    setReceipts((list) => [{ label, receipt, key }, ...list].slice(0, 5));
  }, []);
  return (
    <>
      <Receipts entries={receipts} />
      <EligibilityPanel actions={promotion.actions} approvals={promotion.approvals} gates={promotion.gates} />
      <DecisionActions promotion={promotion} onReceipt={onReceipt} />
      <AcknowledgeAction promotion={promotion} onReceipt={onReceipt} />
    </>
  );
}

/**
 * `/promotions/$id`: the decision screen. Everything an approver needs on one page: what approving
 * does (the plan, from the server), the changes against what runs in the target environment, every
 * gate with its evidence, the products downstream, whether I may act and why not, and the actions
 * with their audit receipts (a downstream owner's acknowledgement of breaking changes among them).
 * Polled with ETags (see api/polling.ts), so a change made elsewhere (another approver, the run
 * ending) shows up without a reload and is announced politely.
 */
export default function PromotionPage() {
  const { id } = route.useParams();
  const promotion = usePromotion(id);

  if (promotion.error && !promotion.data) {
    if (isApiProblem(promotion.error) && (promotion.error.status === 404 || (promotion.error.status === 400 && promotion.error.errorsFor('id').length))) {
      return <NotFound what={`There is no promotion ${id}.`} />;
    }
    return (
      <Page title="Promotion" documentTitle={`Promotion ${id.slice(0, 8)}`}>
        <ProblemView error={promotion.error} onRetry={() => void promotion.refetch()} />
      </Page>
    );
  }
  if (!promotion.data) {
    return (
      <Page title="Promotion" documentTitle={`Promotion ${id.slice(0, 8)}`}>
        <Loading label="Loading the promotion…" />
      </Page>
    );
  }

  const p = promotion.data;
  return (
    <Page title={promotionTitle(p)} documentTitle={`${promotionTitle(p)} · Promotions`} actions={<a className="button" href="#decision">Go to your decision</a>}>
      <div className="promotion">
        <p className="plan-lead" data-testid="plan-summary">
          {p.plan.summary}
        </p>
        {p.plan.targetProblem && (
          <p className="notice notice--warning">
            <strong>Nothing would run:</strong> {p.plan.targetProblem}
          </p>
        )}
        <Facts promotion={p} />
        <BreakGlassNotice promotion={p} />
        {promotion.error && (
          <p className="notice notice--warning" role="status">
            The latest update could not be loaded ({promotion.error.title}); showing what was last loaded. It is tried again.
          </p>
        )}
        <StateAnnouncer state={p.state} stateReason={p.stateReason} />

        <div className="promotion-layout">
          <div className="promotion-layout__main">
            <Changes promotion={p} />
            <div className="promotion-section">
              <GateList gates={p.gates} policyVersion={p.policyVersion} product={p.product} />
            </div>
            <Downstream product={p.product} />
          </div>
          <aside className="promotion-layout__aside" id="decision" tabIndex={-1} aria-label="Decision">
            <Decision promotion={p} />
          </aside>
        </div>
      </div>
    </Page>
  );
}
