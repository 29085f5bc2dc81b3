import type { operations } from './schema';

/**
 * Value sets of the API, as types derived from schema.d.ts, each with the runtime list the
 * console needs (search validation, filter selects). `exhaustive()` makes a list fail to compile
 * when the schema's set changes (a value missing from the list, or one the schema does not have).
 */

type Query<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;

export type PromotionState = NonNullable<Query<'PromotionsController_list'>['state']>;
export type RunStatus = NonNullable<Query<'RunsController_list'>['status']>;
export type RunSource = NonNullable<Query<'RunsController_list'>['source']>;
export type SlaStatus = NonNullable<Query<'SlaController_list'>['status']>;
export type AuditOutcome = NonNullable<Query<'AuditController_list'>['outcome']>;
export type Classification = NonNullable<Query<'DataProductsController_list'>['classification']>;
export type ProductStatusFilter = NonNullable<Query<'DataProductsController_list'>['status']>;

type EvaluateBody = operations['PolicyController_evaluate']['requestBody']['content']['application/json'];
export type PolicyAction = EvaluateBody['action'];
export type PolicySubjectType = Extract<EvaluateBody['subject'], string>;

/** Checks at compile time that `list` has exactly the members of T. */
function exhaustive<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> })): L => list;
}

export const PROMOTION_STATES = exhaustive<PromotionState>()([
  'requested',
  'blocked',
  'awaiting_approval',
  'approved',
  'executing',
  'succeeded',
  'failed',
  'rejected',
  'expired',
  'cancelled',
  'rolled_back',
]);
export const RUN_STATUSES = exhaustive<RunStatus>()(['queued', 'running', 'succeeded', 'failed', 'cancelled']);
export const RUN_SOURCES = exhaustive<RunSource>()(['gatehouse', 'lineage']);
export const SLA_STATUSES = exhaustive<SlaStatus>()(['fresh', 'breached']);
export const AUDIT_OUTCOMES = exhaustive<AuditOutcome>()(['succeeded', 'failed', 'denied']);
export const CLASSIFICATIONS = exhaustive<Classification>()(['public', 'internal', 'confidential', 'restricted']);
export const PRODUCT_STATUS_FILTERS = exhaustive<ProductStatusFilter>()(['active', 'retired', 'all']);
export const POLICY_ACTIONS = exhaustive<PolicyAction>()(['read', 'create', 'update', 'retire', 'delete', 'request', 'approve', 'override', 'rollback', 'acknowledge', 'trigger', 'sync', 'ingest', 'evaluate', 'reload', 'manage']);
export const POLICY_SUBJECTS = exhaustive<PolicySubjectType>()(['DataProduct', 'Promotion', 'Run', 'Orchestrator', 'Lineage', 'Sla', 'Contract', 'Principal', 'ApiToken', 'Policy', 'AuditEntry', 'all']);
