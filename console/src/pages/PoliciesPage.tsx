import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useId } from 'react';
import { api, data } from '../api/client';
import type { components } from '../api/schema';
import { Loading } from '../components/Loading';
import { Page } from '../components/Page';
import { ProblemView } from '../components/ProblemView';
import { RelativeTime } from '../components/RelativeTime';
import { EvaluateForm } from './policies/EvaluateForm';
import { environmentOrder } from './sla/matrix';

const route = getRouteApi('/_app/policies');

type PolicySet = components['schemas']['PolicySet'];
type Rule = components['schemas']['RuleReference'];

const list = (v: string | readonly string[]) => (Array.isArray(v) ? v.join(', ') : String(v));

/**
 * `/policies`: the active policy (its version, the roles with their rules, the promotion gates
 * of each environment), readable by auditors and administrators; and for everyone, the question
 * "may principal P do action A on this resource", answered by the server with the decision, the
 * reason and the deciding rule.
 */
export default function PoliciesPage() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const policy = useQuery({
    queryKey: ['policies'],
    queryFn: ({ signal }) => data(api.GET('/api/v1/policies', { signal })),
  });
  return (
    <Page
      title="Policies"
      description={
        policy.data ? (
          <>
            Policy version <code>{policy.data.version}</code>, loaded <RelativeTime value={policy.data.loadedAt} /> from {policy.data.files.length} file{policy.data.files.length === 1 ? '' : 's'} in <code>{policy.data.directory}</code>.
          </>
        ) : (
          'Who may do what, and the gates a promotion must pass.'
        )
      }
    >
      <EvaluateForm key={JSON.stringify(search)} search={search} onAsk={(q) => void navigate({ search: q })} />
      {policy.error ? (
        <ProblemView error={policy.error} onRetry={() => void policy.refetch()} />
      ) : !policy.data ? (
        <Loading label="Loading the policy…" />
      ) : (
        <>
          <Roles policy={policy.data} />
          <Gates policy={policy.data} />
        </>
      )}
    </Page>
  );
}

function Roles({ policy }: { policy: PolicySet }) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-roles`}>
      <h2 id={`${id}-roles`}>Roles</h2>
      {policy.roles.map((role) => (
        <details key={role.name} className="policy-role">
          <summary>
            <strong>{role.name}</strong> <span className="product-muted">({role.rules.length} rule{role.rules.length === 1 ? '' : 's'}, {role.file})</span>
            {role.description && <span className="policy-role__description"> — {role.description}</span>}
          </summary>
          <div className="table-wrap">
            <table className="table" aria-label={`Rules of ${role.name}`}>
              <thead>
                <tr>
                  <th scope="col">Rule</th>
                  <th scope="col">May</th>
                  <th scope="col">On</th>
                  <th scope="col">When</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {role.rules.map((r) => (
                  <RuleRow key={r.path} rule={r} />
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ))}
    </section>
  );
}

function RuleRow({ rule: r }: { rule: Rule }) {
  return (
    <tr>
      <th scope="row">
        <code>{r.path}</code>
      </th>
      <td>
        {r.inverted ? 'not ' : ''}
        {list(r.action)}
        {r.fields && <div className="product-muted">fields {list(r.fields)}</div>}
      </td>
      <td>{list(r.subject)}</td>
      <td>{r.conditions ? <code>{JSON.stringify(r.conditions)}</code> : 'always'}</td>
      <td>{r.reason ?? '—'}</td>
    </tr>
  );
}

function Gates({ policy }: { policy: PolicySet }) {
  const id = useId();
  const envs = Object.keys(policy.gates).sort(environmentOrder);
  return (
    <section aria-labelledby={`${id}-gates`}>
      <h2 id={`${id}-gates`}>Promotion gates</h2>
      {envs.length === 0 ? (
        <p className="empty-state">No environment has promotion gates.</p>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-labelledby={`${id}-gates`}>
            <thead>
              <tr>
                <th scope="col">Into</th>
                <th scope="col">Must pass</th>
                <th scope="col">Warn only</th>
                <th scope="col">Approvals</th>
                <th scope="col">Freeze windows</th>
                <th scope="col">Break-glass</th>
              </tr>
            </thead>
            <tbody>
              {envs.map((env) => {
                const g = policy.gates[env]!;
                const a = g.approvals;
                return (
                  <tr key={env}>
                    <th scope="row">{env}</th>
                    <td>{g.checks.length ? g.checks.join(', ') : 'nothing'}</td>
                    <td>{g.softChecks.length ? g.softChecks.join(', ') : '—'}</td>
                    <td>
                      {a ? (
                        <>
                          {a.required} from {[...a.fromRoles.map((r) => `role ${r}`), ...a.fromTeams.map((t) => `team ${t}`)].join(' or ') || 'anyone'}
                          <div className="product-muted">
                            {a.requesterMayApprove ? 'requester may approve' : 'not the requester'}; {a.serviceAccountsMayApprove ? 'service accounts may' : 'people only'}
                            {a.piiRequiresSteward ? `; personal data needs a ${a.stewardRole}` : ''}; expires after {a.expireAfter}
                          </div>
                        </>
                      ) : (
                        'none'
                      )}
                    </td>
                    <td>{g.freezeWindows.length ? g.freezeWindows.map((w) => `${w.cron} for ${w.duration} (${w.timezone}): ${w.reason}`).join('; ') : 'none'}</td>
                    <td>{g.breakGlassRoles.join(', ') || 'nobody'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ProductRules policy={policy} envs={envs} />
    </section>
  );
}

type GateRule = PolicySet['gates'][string]['rules'][number];

/** `{ tier: { gte: 4 } }` as written in the policy file. */
const condition = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(condition).join(', ')}]`
    : value && typeof value === 'object'
      ? `{ ${Object.entries(value).map(([k, v]) => `${k}: ${condition(v)}`).join(', ')} }`
      : String(value);

const checksChange = (what: string, change: GateRule['checks']): string | null => {
  if (!change) return null;
  if (Array.isArray(change)) return `${what}: ${change.join(', ') || 'nothing'}`;
  return [...change.add.map((c) => `+ ${c}`), ...change.remove.map((c) => `− ${c}`)].map((c) => `${what} ${c}`).join('; ') || null;
};

/** What one entry changes, in the order of the gates table's columns. */
function changes(rule: GateRule): string[] {
  const approvals = rule.approvals ? Object.entries(rule.approvals).filter(([, v]) => v !== undefined) : [];
  return [
    checksChange('must pass', rule.checks),
    checksChange('warn only', rule.softChecks),
    approvals.length ? `approvals: ${approvals.map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(', ') || 'none' : String(v)}`).join(', ')}` : null,
    rule.freezeWindows ? `freeze windows: ${rule.freezeWindows.map((w) => `${w.cron} for ${w.duration}`).join('; ') || 'none'}` : null,
    rule.breakGlassRoles ? `break-glass: ${rule.breakGlassRoles.join(', ') || 'nobody'}` : null,
  ].filter((c): c is string => !!c);
}

/** Each environment's `rules`: for the products a condition matches, what changes (in order; the last matching entry wins). */
function ProductRules({ policy, envs }: { policy: PolicySet; envs: string[] }) {
  const id = useId();
  const rows = envs.flatMap((env) => (policy.gates[env]!.rules ?? []).map((rule, index) => ({ env, rule, index })));
  if (!rows.length) return null;
  return (
    <>
      <h3 id={`${id}-rules`}>By product</h3>
      <p className="product-muted">Applied in order on top of the environment’s gates for the products whose attributes match; where two entries change the same setting, the later one wins.</p>
      <div className="table-wrap">
        <table className="table" aria-labelledby={`${id}-rules`}>
          <thead>
            <tr>
              <th scope="col">Into</th>
              <th scope="col">When the product matches</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ env, rule, index }) => (
              <tr key={`${env}-${index}`}>
                <th scope="row">{env}</th>
                <td>
                  <code>{condition(rule.when)}</code>
                  {rule.description ? <div className="product-muted">{rule.description}</div> : null}
                </td>
                <td>{changes(rule).join('; ') || 'nothing'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
