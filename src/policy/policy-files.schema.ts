import { z } from 'zod';
import { cronProblem } from '../catalog/manifest/cron';
import { parseIsoDuration } from '../catalog/manifest/iso-duration';
import { ACTIONS, GATE_CHECKS, SUBJECTS } from './policy-vocabulary';
import { productConditionSchema } from './product-conditions';

const roleName = z.string().regex(/^[a-z][a-z0-9-]{0,62}$/, 'must be a lower-case role name');
const duration = z.string().refine((v) => (parseIsoDuration(v) ?? 0) > 0, 'must be a positive ISO 8601 duration such as PT2H or P3D');
const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Berlin or UTC');

/** One CASL rule as written in a policy file. Conditions are Prisma `where` objects. */
export const ruleSchema = z.strictObject({
  action: oneOrMany(z.enum(ACTIONS, { message: `must be one of ${ACTIONS.join(', ')}` })),
  subject: oneOrMany(z.enum(SUBJECTS, { message: `must be one of ${SUBJECTS.join(', ')}` })),
  conditions: z.record(z.string(), z.unknown()).optional(),
  fields: oneOrMany(z.string().min(1)).optional(),
  inverted: z.boolean().default(false),
  reason: z.string().min(1).max(500).optional(),
});
export type RuleSpec = z.output<typeof ruleSchema>;

export const rolesDocumentSchema = z.strictObject({
  apiVersion: z.literal('gatehouse/v1', { message: 'must be gatehouse/v1' }),
  kind: z.literal('Roles'),
  roles: z
    .array(
      z.strictObject({
        name: roleName,
        description: z.string().max(500).optional(),
        rules: z.array(ruleSchema).min(1, 'a role needs at least one rule'),
      }),
    )
    .min(1),
});

const freezeWindowSchema = z.strictObject({
  cron: z.string().superRefine((v, ctx) => {
    const problem = cronProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  duration,
  timezone: timeZone.default('UTC'),
  reason: z.string().min(1).max(500),
});

const approvalFields = {
  required: z.number().int().min(0).max(20),
  fromRoles: z.array(roleName),
  fromTeams: z.array(z.string().min(1)),
  requesterMayApprove: z.boolean(),
  serviceAccountsMayApprove: z.boolean(),
  piiRequiresSteward: z.boolean(),
  stewardRole: roleName,
  expireAfter: duration,
  /** A request not approved within this long expires (whoever still wants it asks again). */
  expireRequestsAfter: duration,
};

export const approvalsSchema = z.strictObject({
  ...approvalFields,
  fromRoles: approvalFields.fromRoles.default([]),
  fromTeams: approvalFields.fromTeams.default([]),
  requesterMayApprove: approvalFields.requesterMayApprove.default(false),
  serviceAccountsMayApprove: approvalFields.serviceAccountsMayApprove.default(false),
  piiRequiresSteward: approvalFields.piiRequiresSteward.default(true),
  stewardRole: approvalFields.stewardRole.default('steward'),
  expireAfter: approvalFields.expireAfter.default('P7D'),
  expireRequestsAfter: approvalFields.expireRequestsAfter.default('P30D'),
});

/** Approval settings a conditional entry changes; the others stay as the environment has them. */
const approvalsPatchSchema = z.strictObject(Object.fromEntries(Object.entries(approvalFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof approvalFields]: z.ZodOptional<(typeof approvalFields)[K]> });

const gateCheck = z.enum(GATE_CHECKS, { message: `must be one of ${GATE_CHECKS.join(', ')}` });
const checkList = z.array(gateCheck).refine((list) => new Set(list).size === list.length, 'must not repeat a check');
/** A list replaces the environment's checks; `{ add, remove }` changes them. */
const checksEdit = z.union([checkList, z.strictObject({ add: checkList.default([]), remove: checkList.default([]) })], {
  message: 'must be a list of checks (replacing them) or { add: [...], remove: [...] }',
});
export type ChecksEdit = z.output<typeof checksEdit>;

/**
 * Gates for the products an environment's `rules` entry matches: `when` is a condition on the
 * product in the CASL rules' language; what the entry sets refines the environment's gates.
 */
export const conditionalGatesSchema = z.strictObject({
  description: z.string().min(1).max(500).optional(),
  when: productConditionSchema,
  checks: checksEdit.optional(),
  softChecks: checksEdit.optional(),
  approvals: approvalsPatchSchema.optional(),
  freezeWindows: z.array(freezeWindowSchema).optional(),
  breakGlassRoles: z.array(roleName).optional(),
});
export type ConditionalGates = z.output<typeof conditionalGatesSchema>;

const baseGatesShape = {
  checks: checkList.default([]),
  /** Checks that only warn; a failed hard check blocks the promotion. */
  softChecks: z.array(gateCheck).default([]),
  approvals: approvalsSchema.optional(),
  freezeWindows: z.array(freezeWindowSchema).default([]),
  breakGlassRoles: z.array(roleName).default(['admin']),
};

/** The gates a promotion into an environment passes, for one product (rules resolved). */
export const environmentGatesSchema = z.strictObject(baseGatesShape);
export type EnvironmentGates = z.output<typeof environmentGatesSchema>;

/** An environment's gates as written: the gates every product passes, refined per product by `rules`. */
export const environmentGatePolicySchema = z.strictObject({
  ...baseGatesShape,
  rules: z.array(conditionalGatesSchema).default([]),
});
export type EnvironmentGatePolicy = z.output<typeof environmentGatePolicySchema>;

export const gatesDocumentSchema = z.strictObject({
  apiVersion: z.literal('gatehouse/v1', { message: 'must be gatehouse/v1' }),
  kind: z.literal('PromotionGates'),
  environments: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'environment names are lower-case slugs'), environmentGatePolicySchema),
});
