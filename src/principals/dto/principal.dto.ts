import { z } from 'zod';
import { BOOTSTRAP_ADMIN } from '../../auth/principal';
import { pageQueryFields } from '../../common/pagination';

/** Service accounts get slugs (`svc-airflow`), people their e-mail address; both lower-case. */
const SLUG_ID = /^[a-z0-9](?:[a-z0-9._-]{0,198}[a-z0-9])?$/;
const EMAIL = /^[a-z0-9._%+-]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;
/** The part after `team:` in a data product's owner, so `team:${team}` matches the manifest rule. */
const TEAM = /^[a-z0-9](?:[a-z0-9._-]{0,98}[a-z0-9])?$/;
/** The same names the policy files use for roles. */
const ROLE = /^[a-z][a-z0-9-]{0,62}$/;

export const isPrincipalId = (value: string) => value.length <= 200 && (SLUG_ID.test(value) || EMAIL.test(value));

/** Any principal id, including the built-in `admin` (paths, token owners, filters). */
export const principalId = z
  .string()
  .refine(isPrincipalId, 'must be a lower-case slug (svc-airflow) or e-mail address (ana@example.com), at most 200 characters')
  .describe('A lower-case slug (svc-airflow) or an e-mail address (ana@example.com), at most 200 characters');

const newPrincipalId = principalId.refine((id) => id !== BOOTSTRAP_ADMIN.id, `is reserved for the bootstrap administrator`);

export const teamSlug = z.string().superRefine((value, ctx) => {
  if (value.startsWith('team:')) {
    ctx.addIssue({ code: 'custom', message: `give the plain team slug (${value.slice(5) || 'sales-data'}); data products refer to it as team:<slug>` });
  } else if (!TEAM.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'must be a team slug: lower-case letters, digits, dots, dashes and underscores, 1-100 characters' });
  }
});

export const roleName = z.string().regex(ROLE, 'must be a role name: a lower-case slug starting with a letter, 1-63 characters');

const unique = <T>(list: T[]) => [...new Set(list)];
const teams = z.array(teamSlug).max(100, 'at most 100 teams').transform(unique);
const roles = z.array(roleName).max(50, 'at most 50 roles').transform(unique);
const name = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters');
const email = z.string().max(200).regex(EMAIL, 'must be a lower-case e-mail address');
export const principalKind = z.enum(['person', 'service'], { message: 'must be person or service' });

export const createPrincipalBody = z.strictObject({
  id: newPrincipalId,
  name,
  kind: principalKind,
  teams: teams.default([]),
  roles: roles.default([]),
  email: email.nullable().optional(),
});
export type CreatePrincipalBody = z.output<typeof createPrincipalBody>;

export const updatePrincipalBody = z
  .strictObject({
    name: name.optional(),
    teams: teams.optional(),
    roles: roles.optional(),
    email: email.nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'give at least one of name, teams, roles, email');
export type UpdatePrincipalBody = z.output<typeof updatePrincipalBody>;

export const listPrincipalsQuery = z.strictObject({
  kind: principalKind.optional(),
  team: teamSlug.optional(),
  role: roleName.optional(),
  disabled: z.enum(['true', 'false'], { message: 'must be true or false' }).transform((v) => v === 'true').optional(),
  ...pageQueryFields,
});
export type ListPrincipalsQuery = z.output<typeof listPrincipalsQuery>;
