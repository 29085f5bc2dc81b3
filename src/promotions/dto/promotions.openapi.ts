import { namedSchema } from '../../common/validation/openapi';
import { GATE_CHECKS } from '../../policy/policy-vocabulary';
import { PROMOTION_STATES } from '../promotion.types';

/**
 * JSON Schemas of the promotions endpoints' answers (promotion.types.ts holds the types they
 * describe); the API conformance suite and the e2e specs check real answers against them.
 */
const string = { type: 'string' };
const nullableString = { type: ['string', 'null'] };
const dateTime = { type: 'string', format: 'date-time' };
const nullableDateTime = { type: ['string', 'null'], format: 'date-time' };
const state = { type: 'string', enum: [...PROMOTION_STATES] };
const check = { type: 'string', enum: [...GATE_CHECKS] };
const AUDIT_ENTRY = { $ref: '#/components/schemas/AuditEntry' };

const GATE_RESULT = namedSchema('GateResult', {
  type: 'object',
  properties: {
    check,
    hard: { type: 'boolean', description: 'A hard gate blocks; a soft one only warns' },
    status: { type: 'string', enum: ['passed', 'failed', 'pending', 'overridden'] },
    message: string,
    evidence: { type: 'object', description: 'What the gate looked at (runs, SLA state, approvals, freeze windows …)' },
  },
  required: ['check', 'hard', 'status', 'message', 'evidence'],
});

const APPROVAL = namedSchema('Approval', {
  type: 'object',
  properties: {
    principal: string,
    decision: { type: 'string', enum: ['approve', 'reject'] },
    comment: string,
    at: dateTime,
    expiresAt: dateTime,
    valid: { type: 'boolean', description: 'Counts now: not expired, and the product unchanged since' },
  },
  required: ['principal', 'decision', 'comment', 'at', 'expiresAt', 'valid'],
});

const OVERRIDE = namedSchema('GateOverride', {
  type: 'object',
  properties: { check, by: string, reason: string, at: dateTime },
  required: ['check', 'by', 'reason', 'at'],
});

const PROMOTION_PROPERTIES = {
  id: { type: 'string', format: 'uuid' },
  kind: { type: 'string', enum: ['promotion', 'rollback'] },
  product: string,
  revision: { type: 'integer', minimum: 1 },
  digest: string,
  from: string,
  to: string,
  reason: string,
  state,
  stateReason: nullableString,
  requestedBy: string,
  gates: { type: 'array', items: GATE_RESULT },
  overrides: { type: 'array', items: OVERRIDE },
  breakGlass: { type: 'boolean' },
  approvals: { type: 'array', items: APPROVAL },
  policyVersion: { type: 'string', description: 'The policy set that evaluated the gates last' },
  runId: nullableString,
  orchestrator: nullableString,
  attempts: { type: 'integer', minimum: 0 },
  nextAttemptAt: nullableDateTime,
  version: { type: 'integer' },
  createdAt: dateTime,
  updatedAt: dateTime,
  approvedAt: nullableDateTime,
  completedAt: nullableDateTime,
  expiresAt: { ...nullableDateTime, description: 'When an open request lapses unless approved' },
};
const PROMOTION_REQUIRED = Object.keys(PROMOTION_PROPERTIES);

export const PROMOTION = namedSchema('Promotion', { type: 'object', properties: PROMOTION_PROPERTIES, required: PROMOTION_REQUIRED });

export const PROMOTION_PAGE = namedSchema('PromotionPage', {
  type: 'object',
  properties: { items: { type: 'array', items: PROMOTION }, nextCursor: nullableString },
  required: ['items', 'nextCursor'],
});

export const PROMOTION_RECEIPT = namedSchema('PromotionReceipt', {
  type: 'object',
  description: 'The promotion after the action, and the audit entry that records the action',
  properties: { ...PROMOTION_PROPERTIES, audit: { oneOf: [{ type: 'null', description: 'Nothing was written: the answer repeats an earlier request (same Idempotency-Key)' }, AUDIT_ENTRY] } },
  required: [...PROMOTION_REQUIRED, 'audit'],
});

const ACTION_CHECK_PROPERTIES = {
  allowed: { type: 'boolean' },
  reason: { ...nullableString, description: 'Why not, when not allowed' },
  rule: {
    description: 'The policy rule that decided, when a policy (not a workflow rule) refused',
    oneOf: [{ type: 'null' }, { type: 'object', properties: { role: string, file: string, path: string }, required: ['role', 'file', 'path'] }],
  },
};
const ACTION_CHECK = namedSchema('ActionCheck', { type: 'object', properties: ACTION_CHECK_PROPERTIES, required: ['allowed', 'reason', 'rule'] });

const PLAN = namedSchema('PromotionPlan', {
  type: 'object',
  properties: {
    summary: { type: 'string', description: 'What approving does, in one sentence' },
    replaces: { type: ['integer', 'null'], description: 'The revision the target environment runs now' },
    target: {
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          properties: { orchestrator: string, kind: string, dag: nullableString, asset: { type: ['array', 'null'], items: string } },
          required: ['orchestrator', 'kind', 'dag', 'asset'],
        },
      ],
    },
    targetProblem: { ...nullableString, description: 'Why nothing would run in the target environment' },
  },
  required: ['summary', 'replaces', 'target', 'targetProblem'],
});

export const PROMOTION_DETAIL = namedSchema('PromotionDetail', {
  type: 'object',
  properties: {
    ...PROMOTION_PROPERTIES,
    plan: PLAN,
    actions: {
      type: 'object',
      description: 'What the caller may do now, decided by the same policies and rules the actions enforce',
      properties: {
        approve: ACTION_CHECK,
        reject: ACTION_CHECK,
        override: {
          type: 'object',
          properties: { ...ACTION_CHECK_PROPERTIES, checks: { type: 'array', items: check, description: 'Failed gates an override could let pass' } },
          required: ['allowed', 'reason', 'rule', 'checks'],
        },
        cancel: ACTION_CHECK,
        evaluate: ACTION_CHECK,
        acknowledge: {
          type: 'object',
          properties: { ...ACTION_CHECK_PROPERTIES, products: { type: 'array', items: { type: 'string' }, description: 'The downstream products the caller may acknowledge the breaking changes for now' } },
          required: ['allowed', 'reason', 'rule', 'products'],
        },
      },
      required: ['approve', 'reject', 'override', 'cancel', 'evaluate', 'acknowledge'],
    },
  },
  required: [...PROMOTION_REQUIRED, 'plan', 'actions'],
});

export const PROMOTION_PREVIEW = namedSchema('PromotionPreview', {
  type: 'object',
  description: 'What the gates say of a request now; nothing was written',
  properties: {
    product: string,
    revision: { type: 'integer', minimum: 1 },
    from: string,
    to: string,
    state: { ...state, description: 'The state the request would start in' },
    stateReason: nullableString,
    gates: { type: 'array', items: GATE_RESULT },
    policyVersion: string,
    plan: PLAN,
  },
  required: ['product', 'revision', 'from', 'to', 'state', 'stateReason', 'gates', 'policyVersion', 'plan'],
});
