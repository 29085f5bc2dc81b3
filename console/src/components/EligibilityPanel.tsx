import { useId } from 'react';
import type { components } from '../api/schema';
import { gateLabel, quorumOf, QuorumProgress } from './GateEvidence';
import { RelativeTime } from './RelativeTime';
import { StatusBadge } from './StatusBadge';

type Schemas = components['schemas'];
export type PromotionActions = Schemas['PromotionDetail']['actions'];
type ActionCheck = Schemas['ActionCheck'];
type Approval = Schemas['Approval'];
type GateResult = Schemas['GateResult'];

export type ActionName = keyof PromotionActions;

/** What each action is called in "You may …" sentences. */
export const ACTION_PHRASES: Record<ActionName, string> = {
  approve: 'approve',
  reject: 'reject',
  override: 'override a failed gate (break-glass)',
  cancel: 'cancel',
  evaluate: 're-evaluate the gates',
  acknowledge: 'acknowledge the breaking changes',
};

const ORDER: ActionName[] = ['approve', 'reject', 'override', 'cancel', 'evaluate', 'acknowledge'];

export interface EligibilityPanelProps {
  /** The caller's actions as the server computed them (`PromotionDetail.actions`). */
  actions: PromotionActions;
  /** The promotion's approvals. */
  approvals: Approval[];
  /** The promotion's gates; the approvals gate's evidence gives the quorum. */
  gates: GateResult[];
  headingLevel?: 2 | 3;
}

function Rule({ rule }: { rule: ActionCheck['rule'] }) {
  if (!rule) return null;
  return (
    <span className="eligibility__rule">
      Deciding rule:{' '}
      <code>
        {rule.role} · {rule.file} · {rule.path}
      </code>
    </span>
  );
}

/**
 * Whether I may approve, reject, override, cancel or re-evaluate this promotion (and acknowledge its
 * breaking changes, where its target environment has that gate), each with the
 * server's reason and rule when not, shown before any button is pressed; and where the approvals
 * stand: the quorum from the approvals gate's evidence and every approval with whether it still
 * counts. It only shows what the server decided (`actions`); it never decides itself.
 */
export function EligibilityPanel({ actions, approvals, gates, headingLevel = 2 }: EligibilityPanelProps) {
  const headingId = useId();
  const approvalsId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SubHeading = headingLevel === 2 ? 'h3' : 'h4';
  const approvalsGate = gates.find((g) => g.check === 'approvals');
  const quorum = approvalsGate ? quorumOf(approvalsGate.evidence) : null;
  const lapsedWhy = new Map((quorum?.lapsed ?? []).map((l) => [l.principal, l.why]));

  return (
    <section className="eligibility" aria-labelledby={headingId}>
      <Heading id={headingId} className="eligibility__heading">
        What you may do
      </Heading>
      <ul className="eligibility__list">
        {ORDER.filter((name) => name !== 'acknowledge' || actions.acknowledge.allowed || gates.some((g) => g.check === 'breakingChangesAcknowledged')).map((name) => {
          const check = actions[name];
          const phrase = ACTION_PHRASES[name];
          return (
            <li key={name} className={check.allowed ? 'eligibility__item is-allowed' : 'eligibility__item is-refused'} data-action={name} data-allowed={check.allowed}>
              <span className="eligibility__mark" aria-hidden="true">
                {check.allowed ? '✓' : '✕'}
              </span>
              <span className="eligibility__text">
                {check.allowed ? (
                  <>
                    <strong>You may {phrase}</strong>
                    {name === 'override' && actions.override.checks.length > 0 && <>: {actions.override.checks.map(gateLabel).join(', ')}</>}
                    {name === 'acknowledge' && actions.acknowledge.products.length > 0 && <> for {actions.acknowledge.products.join(', ')}</>}.
                  </>
                ) : (
                  <>
                    <strong>You may not {phrase}</strong>
                    {check.reason ? <>: {check.reason}</> : '.'}
                  </>
                )}
                {!check.allowed && <Rule rule={check.rule} />}
              </span>
            </li>
          );
        })}
      </ul>

      <SubHeading id={approvalsId} className="eligibility__subheading">
        Approvals
      </SubHeading>
      {quorum ? (
        <>
          <QuorumProgress quorum={quorum} />
          {quorum.rejectedBy.length > 0 && (
            <p className="eligibility__rejected">
              Rejected by {quorum.rejectedBy.join(', ')}: any rejection rejects the promotion.
            </p>
          )}
        </>
      ) : (
        <p className="eligibility__note">{approvalsGate ? 'The approvals gate reports no quorum.' : 'Promotions into this environment need no approvals.'}</p>
      )}
      {approvals.length === 0 ? (
        <p className="eligibility__note">No one has decided yet.</p>
      ) : (
        <ul className="approval-list" aria-labelledby={approvalsId}>
          {approvals.map((a) => (
            <li key={`${a.principal}-${a.at}`} className="approval" data-principal={a.principal}>
              <div className="approval__head">
                <code className="approval__who">{a.principal}</code>
                <StatusBadge status={a.decision === 'approve' ? 'approved' : 'rejected'} />
                {a.decision === 'approve' &&
                  (a.valid ? (
                    <span className="approval__counts">counts</span>
                  ) : (
                    <span className="approval__lapsed">lapsed{lapsedWhy.get(a.principal) ? `: ${lapsedWhy.get(a.principal)}` : ''}</span>
                  ))}
              </div>
              {a.comment && <p className="approval__comment">“{a.comment}”</p>}
              <p className="approval__when">
                <RelativeTime value={a.at} />
                {a.decision === 'approve' && a.valid && (
                  <>
                    {' '}
                    · lapses <RelativeTime value={a.expiresAt} />
                  </>
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
