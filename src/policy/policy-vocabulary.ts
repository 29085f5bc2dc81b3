/** What policies can talk about. Unknown names in a policy file are load errors, not silent no-ops. */
export const SUBJECTS = [
  'all',
  'DataProduct',
  'Principal',
  'ApiToken',
  'Policy',
  'AuditEntry',
  'Orchestrator',
  'Run',
  'Lineage',
  'Sla',
  'Promotion',
  'Contract',
] as const;
export type SubjectType = (typeof SUBJECTS)[number];

export const ACTIONS = [
  'manage',
  'read',
  'create',
  'update',
  'delete',
  'retire',
  'evaluate',
  'reload',
  'trigger',
  'sync',
  'ingest',
  'request',
  'approve',
  'override',
  'rollback',
  'acknowledge',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Subjects whose rules may carry conditions: they are database records CASL can filter on. */
export const CONDITIONAL_SUBJECTS: ReadonlySet<string> = new Set(['DataProduct', 'Principal', 'ApiToken', 'AuditEntry', 'Promotion', 'Run']);

/** Gate checks a promotion can be made to pass (executed by the promotions feature). */
export const GATE_CHECKS = [
  'ownerDeclared',
  'slaDeclared',
  'classificationDeclared',
  'stewardDeclared',
  'sourceRevisionSucceeded',
  'outputsFresh',
  'checksPassing',
  'noFreezeWindow',
  'approvals',
  'breakingChangesAcknowledged',
] as const;
export type GateCheck = (typeof GATE_CHECKS)[number];

/** The role every authenticated principal has, whatever its assigned roles. */
export const AUTHENTICATED_ROLE = 'authenticated';
