import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import type { components } from '../api/schema';
import { RelativeTime } from './RelativeTime';
import { StatusBadge } from './StatusBadge';

type GateResult = components['schemas']['GateResult'];
export type GateCheck = GateResult['check'];

/*
 * What a gate looked at, in words. The server sends each gate's evidence as a free-form object
 * (its shape depends on the check; see src/promotions/gates/gate-evaluator.ts); these readers
 * narrow it defensively, so an unknown or changed shape falls back to a plain list of its values
 * (and the raw JSON is always one disclosure away in GateList).
 */

type Rec = Record<string, unknown>;
const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The check names as people read them. */
export const GATE_LABELS: Record<GateCheck, string> = {
  ownerDeclared: 'Owner declared',
  slaDeclared: 'SLA declared',
  classificationDeclared: 'Classification declared',
  stewardDeclared: 'Steward declared',
  sourceRevisionSucceeded: 'Revision ran successfully',
  outputsFresh: 'Outputs fresh',
  checksPassing: 'Data-quality checks passing',
  noFreezeWindow: 'No change freeze',
  approvals: 'Approvals',
  breakingChangesAcknowledged: 'Breaking changes acknowledged',
};

export function gateLabel(check: string): string {
  return (GATE_LABELS as Record<string, string>)[check] ?? check;
}

/** The approvals gate's evidence: the quorum and who counts. */
export interface QuorumEvidence {
  required: number;
  approvedBy: string[];
  lapsed: { principal: string; why: string }[];
  rejectedBy: string[];
}

export function quorumOf(evidence: unknown): QuorumEvidence | null {
  if (!isRecord(evidence)) return null;
  const required = num(evidence.required);
  if (required === undefined) return null;
  const lapsed = Array.isArray(evidence.lapsed)
    ? evidence.lapsed.filter(isRecord).map((l) => ({ principal: str(l.principal) ?? '?', why: str(l.why) ?? '' }))
    : [];
  return { required, approvedBy: strings(evidence.approvedBy), lapsed, rejectedBy: strings(evidence.rejectedBy) };
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </>
  );
}

function People({ ids, none = 'nobody' }: { ids: string[]; none?: string }) {
  if (!ids.length) return <>{none}</>;
  return (
    <>
      {ids.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <code>{id}</code>
        </span>
      ))}
    </>
  );
}

/** The approvals quorum as a progress bar with words: "1 of 2 approvals". */
export function QuorumProgress({ quorum }: { quorum: QuorumEvidence }) {
  const counted = quorum.approvedBy.length;
  const text = `${counted} of ${quorum.required} approval${quorum.required === 1 ? '' : 's'}`;
  return (
    <div className="quorum">
      <progress className="quorum__bar" max={Math.max(quorum.required, 1)} value={Math.min(counted, quorum.required)} aria-label={`Approvals: ${text}`} />
      <span className="quorum__text">{text}</span>
    </div>
  );
}

function RunsLink({ product, children }: { product: string | undefined; children: ReactNode }) {
  if (!product) return null;
  return (
    <Link to="/products/$name" params={{ name: product }} search={{ tab: 'runs' }}>
      {children}
    </Link>
  );
}

function SlaLink({ product, children }: { product: string | undefined; children: ReactNode }) {
  if (!product) return null;
  return (
    <Link to="/products/$name" params={{ name: product }} search={{ tab: 'sla' }}>
      {children}
    </Link>
  );
}

function SourceRun({ evidence, product }: { evidence: Rec; product?: string }) {
  const env = str(evidence.environment);
  const revision = num(evidence.revision);
  const run = isRecord(evidence.run) ? evidence.run : null;
  return (
    <>
      <dl className="gate-evidence">
        {env && <Fact term="Environment">{env}</Fact>}
        {revision !== undefined && <Fact term="Revision">r{revision}</Fact>}
        {run ? (
          <>
            <Fact term="Run">
              <code>{str(run.id) ?? '?'}</code>
            </Fact>
            <Fact term="Run status">
              <StatusBadge status={str(run.status) ?? 'unknown'} />
            </Fact>
            <Fact term="Ended">
              <RelativeTime value={str(run.endedAt) ?? null} fallback="not yet" />
            </Fact>
          </>
        ) : (
          <Fact term="Run">none: {revision !== undefined ? `r${revision}` : 'this revision'} has not run{env ? ` in ${env}` : ''}</Fact>
        )}
      </dl>
      <p className="gate-evidence__links">
        <RunsLink product={product}>Runs of {product}</RunsLink>
      </p>
    </>
  );
}

/** An output's freshness: `fresh`, or `stale` / `missing` shown in the breached tone. */
function OutputStatus({ status }: { status: string | undefined }) {
  if (status === 'stale') return <StatusBadge status="breached" label="Stale" />;
  if (status === 'missing') return <StatusBadge status="breached" label="Missing" />;
  return <StatusBadge status={status ?? 'unknown'} />;
}

function Freshness({ evidence, product }: { evidence: Rec; product?: string }) {
  const outputs = Array.isArray(evidence.outputs) ? evidence.outputs.filter(isRecord) : [];
  return (
    <>
      <dl className="gate-evidence">
        {str(evidence.environment) && <Fact term="Environment">{str(evidence.environment)}</Fact>}
        {str(evidence.status) && (
          <Fact term="SLA">
            <StatusBadge status={str(evidence.status)!} />
            {str(evidence.freshness) && <> within {str(evidence.freshness)}</>}
          </Fact>
        )}
        {evidence.breachesAt !== undefined && (
          <Fact term="Breaches">
            <RelativeTime value={str(evidence.breachesAt) ?? null} fallback="no deadline ahead" />
          </Fact>
        )}
      </dl>
      {outputs.length > 0 && (
        <ul className="gate-evidence__list" aria-label="Outputs">
          {outputs.map((o, i) => (
            <li key={str(o.output) ?? i}>
              <code>{str(o.output)}</code> <OutputStatus status={str(o.status)} />, last produced <RelativeTime value={str(o.lastProducedAt) ?? null} fallback="never" />
            </li>
          ))}
        </ul>
      )}
      <p className="gate-evidence__links">
        <SlaLink product={product}>SLA of {product}</SlaLink>
      </p>
    </>
  );
}

function Approvals({ evidence }: { evidence: Rec }) {
  const quorum = quorumOf(evidence);
  if (!quorum) return null;
  return (
    <>
      <QuorumProgress quorum={quorum} />
      <dl className="gate-evidence">
        <Fact term="Approved by">
          <People ids={quorum.approvedBy} none="nobody yet" />
        </Fact>
        {quorum.lapsed.length > 0 && (
          <Fact term="Lapsed">
            <ul className="gate-evidence__list">
              {quorum.lapsed.map((l) => (
                <li key={l.principal}>
                  <code>{l.principal}</code>: {l.why}
                </li>
              ))}
            </ul>
          </Fact>
        )}
        {quorum.rejectedBy.length > 0 && (
          <Fact term="Rejected by">
            <People ids={quorum.rejectedBy} />
          </Fact>
        )}
      </dl>
    </>
  );
}

function Freeze({ evidence }: { evidence: Rec }) {
  const window = isRecord(evidence.window) ? evidence.window : null;
  if (!window) {
    const count = num(evidence.windows);
    return count === undefined ? null : (
      <p className="gate-evidence__note">
        {count === 0 ? 'No freeze window is configured.' : `${count} freeze window${count === 1 ? '' : 's'} configured; none is open now.`}
      </p>
    );
  }
  return (
    <dl className="gate-evidence">
      {str(window.reason) && <Fact term="Freeze">{str(window.reason)}</Fact>}
      <Fact term="Opened">
        <RelativeTime value={str(evidence.openedAt) ?? null} />
      </Fact>
      <Fact term="Closes">
        <RelativeTime value={str(evidence.closesAt) ?? null} />
      </Fact>
      <Fact term="Schedule">
        <code>{str(window.cron)}</code> for {str(window.duration)} ({str(window.timezone)})
      </Fact>
    </dl>
  );
}

function Checks({ evidence }: { evidence: Rec }) {
  const results = Array.isArray(evidence.results) ? evidence.results.filter(isRecord) : [];
  if (!results.length) return null;
  return (
    <ul className="gate-evidence__list" aria-label="Data-quality results">
      {results.map((r, i) => (
        <li key={`${str(r.dataset)}-${i}`}>
          <code>{str(r.dataset)}</code>
          {str(r.at) && (
            <>
              {' '}
              (<RelativeTime value={str(r.at)!} />)
            </>
          )}
          <ul>
            {(Array.isArray(r.checks) ? r.checks.filter(isRecord) : []).map((c, j) => (
              <li key={`${str(c.name)}-${j}`}>
                {str(c.name)}: <StatusBadge status={c.passed === true ? 'passed' : 'failed'} />
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

function Declared({ check, evidence }: { check: GateCheck; evidence: Rec }) {
  if (check === 'ownerDeclared' && str(evidence.owner))
    return (
      <dl className="gate-evidence">
        <Fact term="Owner">
          <code>{str(evidence.owner)}</code>
        </Fact>
      </dl>
    );
  if (check === 'slaDeclared' && isRecord(evidence.sla))
    return (
      <dl className="gate-evidence">
        <Fact term="Freshness">{str(evidence.sla.freshness)}</Fact>
        {str(evidence.sla.schedule) && (
          <Fact term="Schedule">
            <code>{str(evidence.sla.schedule)}</code>
          </Fact>
        )}
      </dl>
    );
  if (check === 'classificationDeclared' && str(evidence.classification))
    return (
      <dl className="gate-evidence">
        <Fact term="Classification">{str(evidence.classification)}</Fact>
      </dl>
    );
  if (check === 'stewardDeclared' && Array.isArray(evidence.stewards))
    return (
      <dl className="gate-evidence">
        <Fact term="Stewards">
          <People ids={strings(evidence.stewards)} />
        </Fact>
      </dl>
    );
  return <Generic evidence={evidence} />;
}

/** Scalars and lists of scalars as a definition list (anything deeper is in the raw evidence). */
function Generic({ evidence }: { evidence: Rec }) {
  const entries = Object.entries(evidence).filter(([k, v]) => k !== 'override' && (['string', 'number', 'boolean'].includes(typeof v) || strings(v).length > 0));
  if (!entries.length) return null;
  return (
    <dl className="gate-evidence">
      {entries.map(([k, v]) => (
        <Fact key={k} term={k}>
          {Array.isArray(v) ? strings(v).join(', ') : String(v)}
        </Fact>
      ))}
    </dl>
  );
}

function Override({ override }: { override: Rec }) {
  return (
    <p className="gate-evidence__override">
      <strong>Break-glass override</strong> by <code>{str(override.by)}</code>
      {str(override.at) && (
        <>
          {' '}
          <RelativeTime value={str(override.at)!} />
        </>
      )}
      : “{str(override.reason)}”
    </p>
  );
}

/** The breaking-change gate's evidence: what breaks, against which revision, and who has and has not acknowledged it. */
function BreakingChanges({ evidence }: { evidence: Rec }) {
  const baseline = num(evidence.baseline);
  const env = str(evidence.environment);
  const breaking = Array.isArray(evidence.breaking) ? evidence.breaking.filter(isRecord) : [];
  const downstream = Array.isArray(evidence.downstream) ? evidence.downstream.filter(isRecord) : [];
  return (
    <>
      <dl className="gate-evidence">
        {env && <Fact term="Environment">{env}</Fact>}
        <Fact term="Compared with">{baseline !== undefined ? `r${baseline}, which runs there` : `nothing runs${env ? ` in ${env}` : ''} yet`}</Fact>
        {str(evidence.owner) && (
          <Fact term="Producing team">
            <code>{str(evidence.owner)}</code>
          </Fact>
        )}
      </dl>
      {breaking.length > 0 && (
        <ul className="gate-evidence__list" aria-label="Breaking changes">
          {breaking.map((c, i) => (
            <li key={`${str(c.rule)}-${str(c.output)}-${str(c.field)}-${i}`}>
              <code>{str(c.rule)}</code>: {str(c.message) ?? str(c.field) ?? ''}
            </li>
          ))}
        </ul>
      )}
      {downstream.length > 0 ? (
        <ul className="gate-evidence__list" aria-label="Downstream acknowledgements">
          {downstream.map((d) => {
            const product = str(d.product) ?? '?';
            const by = Array.isArray(d.acknowledgedBy) ? d.acknowledgedBy.filter(isRecord) : [];
            const stewards = strings(d.stewards);
            return (
              <li key={product} data-downstream={product} data-acknowledged={by.length > 0}>
                <Link to="/products/$name" params={{ name: product }}>
                  {product}
                </Link>{' '}
                (<code>{str(d.owner)}</code>
                {stewards.length > 0 && <>, stewards {stewards.join(', ')}</>}):{' '}
                {by.length ? (
                  <>
                    <StatusBadge status="passed" label="Acknowledged" /> by{' '}
                    {by.map((a, i) => (
                      <span key={`${str(a.principal)}-${i}`}>
                        {i > 0 && ', '}
                        <code>{str(a.principal)}</code> <RelativeTime value={str(a.at) ?? null} />
                        {str(a.comment) && <> “{str(a.comment)}”</>}
                      </span>
                    ))}
                  </>
                ) : (
                  <StatusBadge status="pending" label="Not acknowledged yet" />
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        breaking.length > 0 && <p className="gate-evidence__note">No product downstream reads what changed.</p>
      )}
      {evidence.truncated === true && <p className="gate-evidence__note">The lineage walk stopped at its node limit: more products may be downstream.</p>}
    </>
  );
}

/** The readable evidence of one gate. */
export function GateEvidence({ gate, product }: { gate: GateResult; product?: string }) {
  const evidence: unknown = gate.evidence;
  if (!isRecord(evidence)) return null;
  let body: ReactNode;
  switch (gate.check) {
    case 'sourceRevisionSucceeded':
      body = <SourceRun evidence={evidence} product={product} />;
      break;
    case 'outputsFresh':
      body = <Freshness evidence={evidence} product={product} />;
      break;
    case 'approvals':
      body = <Approvals evidence={evidence} />;
      break;
    case 'noFreezeWindow':
      body = <Freeze evidence={evidence} />;
      break;
    case 'checksPassing':
      body = <Checks evidence={evidence} />;
      break;
    case 'breakingChangesAcknowledged':
      body = <BreakingChanges evidence={evidence} />;
      break;
    default:
      body = <Declared check={gate.check} evidence={evidence} />;
  }
  return (
    <div className="gate__evidence">
      {isRecord(evidence.override) && <Override override={evidence.override} />}
      {body}
    </div>
  );
}
