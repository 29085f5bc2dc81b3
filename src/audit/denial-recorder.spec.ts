import { BOOTSTRAP_ADMIN } from '../auth/principal';
import type { Decision } from '../policy/decision';
import { denialRecord } from './denial-recorder';

const decision: Decision = {
  allowed: false,
  action: 'update',
  subjectType: 'DataProduct',
  field: 'classification',
  reason: 'editors change descriptive fields only',
  decidingRule: { role: 'editor', file: 'roles.yaml', path: 'roles[3].rules[1]', action: 'update', subject: 'DataProduct', inverted: false },
  matchedRules: [],
  policyVersion: 'sha256:abc',
};

describe('denialRecord', () => {
  it('names the action like the entry it would have written and keeps the why', () => {
    expect(denialRecord(BOOTSTRAP_ADMIN, decision, { name: 'orders-daily', owner: 'team:x' })).toEqual({
      action: 'data-product.update',
      subjectType: 'DataProduct',
      subjectId: 'orders-daily',
      outcome: 'denied',
      principalId: 'admin',
      policyVersion: 'sha256:abc',
      details: { reason: decision.reason, field: 'classification', rule: { role: 'editor', file: 'roles.yaml', path: 'roles[3].rules[1]' } },
    });
  });

  it('has no subject id without a record, and no rule when none decided', () => {
    const record = denialRecord(BOOTSTRAP_ADMIN, { ...decision, subjectType: 'AuditEntry', action: 'read', field: undefined, decidingRule: null });
    expect(record).toMatchObject({ action: 'audit-entry.read', subjectId: undefined, details: { reason: decision.reason, rule: null } });
    expect(record.details).not.toHaveProperty('field');
  });
});
