import { z } from 'zod';
import { cronProblem } from '../catalog/manifest/cron';
import { parseIsoDuration } from '../catalog/manifest/iso-duration';
import { ACTIONS, GATE_CHECKS, SUBJECTS } from './policy-vocabulary';

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

const approvalsSchema = z.strictObject({
  required: z.number().int().min(0).max(20),
  fromRoles: z.array(roleName).default([]),
  fromTeams: z.array(z.string().min(1)).default([]),
  requesterMayApprove: z.boolean().default(false),
  serviceAccountsMayApprove: z.boolean().default(false),
  piiRequiresSteward: z.boolean().default(true),
  stewardRole: roleName.default('steward'),
  expireAfter: duration.default('P7D'),
  /** A request not approved within this long expires (whoever still wants it asks again). */
  expireRequestsAfter: duration.default('P30D'),
});

export const environmentGatesSchema = z.strictObject({
  checks: z
    .array(z.enum(GATE_CHECKS, { message: `must be one of ${GATE_CHECKS.join(', ')}` }))
    .refine((list) => new Set(list).size === list.length, 'must not repeat a check')
    .default([]),
  /** Checks that only warn; a failed hard check blocks the promotion. */
  softChecks: z.array(z.enum(GATE_CHECKS)).default([]),
  approvals: approvalsSchema.optional(),
  freezeWindows: z.array(freezeWindowSchema).default([]),
  breakGlassRoles: z.array(roleName).default(['admin']),
});
export type EnvironmentGates = z.output<typeof environmentGatesSchema>;

export const gatesDocumentSchema = z.strictObject({
  apiVersion: z.literal('gatehouse/v1', { message: 'must be gatehouse/v1' }),
  kind: z.literal('PromotionGates'),
  environments: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'environment names are lower-case slugs'), environmentGatesSchema),
});
