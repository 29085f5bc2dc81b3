import type { EnvironmentGates } from '../../policy/policy-files.schema';

export interface ApprovalRecord {
  principalId: string;
  principalKind: string;
  roles: string[];
  teams: string[];
  decision: 'approve' | 'reject';
  digest: string;
  createdAt: Date;
  expiresAt: Date;
}

export type ApprovalRules = NonNullable<EnvironmentGates['approvals']>;

export interface ApprovalTally {
  status: 'passed' | 'pending' | 'rejected';
  message: string;
  /** Approvals that count. */
  counted: string[];
  /** Approvals that do not count, each with why (expired, product changed). */
  lapsed: { principal: string; why: string }[];
  rejectedBy: string[];
  stewardApproved: boolean;
}

/** Why a principal may not approve this promotion, or null when it may. */
export function ineligibility(rules: ApprovalRules, approver: { id: string; kind: string; roles: string[]; teams: string[] }, requester: string, containsPii: boolean): string | null {
  if (approver.id === requester && !rules.requesterMayApprove) return 'the requester may not approve their own promotion';
  if (approver.kind === 'service' && !rules.serviceAccountsMayApprove) return 'service accounts may not approve promotions';
  const byRole = rules.fromRoles.some((r) => approver.roles.includes(r));
  const byTeam = rules.fromTeams.some((t) => approver.teams.includes(t.replace(/^team:/, '')));
  const steward = containsPii && rules.piiRequiresSteward && approver.roles.includes(rules.stewardRole);
  if (!byRole && !byTeam && !steward) {
    const from = [...rules.fromRoles.map((r) => `role ${r}`), ...rules.fromTeams.map((t) => `team ${t}`)].join(', ') || 'nobody';
    return `approvals for this environment come from ${from}`;
  }
  return null;
}

/**
 * Counts the approvals against the rules: a quorum of valid approvals, a steward's among them for a
 * product with personal data, and any rejection rejects. An approval lapses when it expired or
 * when the content it approved (the digest) is no longer what would be deployed.
 */
export function tallyApprovals(rules: ApprovalRules, approvals: ApprovalRecord[], currentDigest: string, containsPii: boolean, now: Date): ApprovalTally {
  const rejectedBy = approvals.filter((a) => a.decision === 'reject').map((a) => a.principalId);
  const counted: string[] = [];
  const lapsed: ApprovalTally['lapsed'] = [];
  let stewardApproved = false;
  for (const a of approvals.filter((x) => x.decision === 'approve')) {
    if (a.expiresAt <= now) lapsed.push({ principal: a.principalId, why: `expired at ${a.expiresAt.toISOString()}` });
    else if (a.digest !== currentDigest) lapsed.push({ principal: a.principalId, why: 'the product changed after this approval' });
    else {
      counted.push(a.principalId);
      if (a.roles.includes(rules.stewardRole)) stewardApproved = true;
    }
  }
  const needSteward = containsPii && rules.piiRequiresSteward;
  if (rejectedBy.length) return { status: 'rejected', message: `rejected by ${rejectedBy.join(', ')}`, counted, lapsed, rejectedBy, stewardApproved };
  const missing: string[] = [];
  if (counted.length < rules.required) missing.push(`${rules.required - counted.length} more approval(s) of ${rules.required}`);
  if (needSteward && !stewardApproved) missing.push(`an approval by a ${rules.stewardRole} (the product contains personal data)`);
  return missing.length
    ? { status: 'pending', message: `waiting for ${missing.join(' and ')}`, counted, lapsed, rejectedBy, stewardApproved }
    : { status: 'passed', message: `${counted.length} approval(s): ${counted.join(', ')}`, counted, lapsed, rejectedBy, stewardApproved };
}
