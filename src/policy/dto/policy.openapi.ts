/**
 * JSON Schemas of the policy endpoints' answers (policy-set.ts, decision.ts, policy.service.ts,
 * policy-evaluation.service.ts), named for generated clients; the e2e specs check real answers
 * against them. Rules and gates are what the policy files' zod schemas produce.
 */
import { PRINCIPAL } from '../../principals/dto/principals.openapi';
import { namedSchema } from '../../common/validation/openapi';
import { arrayOf, dateTime, objectOf, outputSchemaOf, text, texts } from '../../common/validation/openapi-shapes';
import { environmentGatePolicySchema, ruleSchema } from '../policy-files.schema';
import { PRODUCT_ATTRIBUTE_NAMES } from '../product-conditions';
import { ACTIONS, SUBJECTS } from '../policy-vocabulary';

const version = { type: 'string', description: 'Digest of the policy files’ content' };
const rule = outputSchemaOf(ruleSchema) as { properties: Record<string, object>; required: string[] };

/** A rule of a policy file with where it is written (policy-set.ts SourcedRule; decisions name it the same way). */
export const RULE_REFERENCE = namedSchema('RuleReference', {
  type: 'object',
  description: 'A rule as written in a policy file, with the role, file and path inside the file it comes from',
  properties: {
    role: text,
    file: { type: 'string', description: 'File name in the policy folder' },
    path: { type: 'string', description: 'Where the rule is in its file, e.g. `roles[2].rules[0]`' },
    ...rule.properties,
  },
  required: ['role', 'file', 'path', ...rule.required],
});

export const POLICY_ROLE = namedSchema(
  'PolicyRole',
  objectOf({ name: text, description: text, file: { type: 'string', description: 'File name in the policy folder' }, rules: arrayOf(RULE_REFERENCE) }, { optional: ['description'] }),
);

/** The gates as written, with the recursive product condition of `rules[].when` written out by hand. */
function environmentGates(): Record<string, unknown> {
  const json = outputSchemaOf(environmentGatePolicySchema) as { $defs?: unknown; properties: { rules: { description?: string; items: { properties: Record<string, unknown> } } } };
  delete json.$defs;
  json.properties.rules.description =
    'Gates for the products each entry’s `when` matches, applied in order on top of the environment’s own: an entry changes only what it names, so the last matching entry wins';
  json.properties.rules.items.properties.when = {
    type: 'object',
    additionalProperties: true,
    description: `A condition on the product in the CASL rules’ language (a Prisma \`where\` filter) on ${PRODUCT_ATTRIBUTE_NAMES.join(', ')}, with AND, OR and NOT, e.g. \`{ tier: 1 }\` or \`{ tier: { gte: 3 } }\``,
  };
  return json;
}

export const ENVIRONMENT_GATES = namedSchema('EnvironmentGates', { description: 'The promotion gates of one environment as written, defaults filled in, with the entries that refine them per product', ...environmentGates() });

export const POLICY_SET = namedSchema(
  'PolicySet',
  objectOf({
    version,
    loadedAt: dateTime,
    directory: { type: 'string', description: 'The policy folder' },
    files: { ...texts, description: 'File names, sorted' },
    roles: arrayOf(POLICY_ROLE),
    gates: { type: 'object', description: 'Promotion gates per environment (environments without gates are absent)', additionalProperties: ENVIRONMENT_GATES },
  }),
);

export const POLICY_RELOAD = namedSchema(
  'PolicyReload',
  objectOf({ version, previousVersion: version, changed: { type: 'boolean', description: 'False when the files gave the same set again' }, loadedAt: dateTime }),
);

const subjectType = { type: 'string', enum: SUBJECTS };

export const POLICY_EVALUATION = namedSchema(
  'PolicyEvaluation',
  objectOf(
    {
      allowed: { type: 'boolean' },
      action: { type: 'string', enum: ACTIONS },
      subjectType,
      field: { type: 'string', description: 'Only when the question named a field' },
      reason: { type: 'string', description: 'The deciding rule’s reason, or a sentence saying that no rule allows it' },
      decidingRule: { description: 'Null when no rule applies (then it is denied)', oneOf: [{ type: 'null' }, RULE_REFERENCE] },
      matchedRules: arrayOf(RULE_REFERENCE, 'Every rule for this action and subject whose conditions match'),
      policyVersion: version,
      principal: { ...PRINCIPAL, description: 'Who was asked about; a stored principal comes with its stored fields (email, disabled…)' },
      subject: {
        description: 'The subject type asked about, or the record the rules were matched against (attributes given inline, or loaded by `{type, id}`)',
        oneOf: [subjectType, { type: 'object', properties: { type: subjectType }, required: ['type'] }],
      },
    },
    { optional: ['field'] },
  ),
);
