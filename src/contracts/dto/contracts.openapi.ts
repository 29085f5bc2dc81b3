/**
 * JSON Schemas of the contract endpoints' answers (drift.service.ts, contract-drift.repository.ts,
 * observed-schema.repository.ts), named for generated clients; the e2e specs check real answers against them.
 */
import { declaredSchema } from '../../catalog/manifest/declared-schema';
import { namedSchema } from '../../common/validation/openapi';
import { arrayOf, dateTime, everyValueOf, nullable, nullableDateTime, nullableText, objectOf, outputSchemaOf, pageSchema, text } from '../../common/validation/openapi-shapes';
import type { DriftFinding } from '../drift/schema-drift';

const FINDING_KINDS = everyValueOf<DriftFinding['kind']>()(['missing', 'type', 'undeclared']);
const output = { type: 'string', description: 'Lineage node id of the output dataset (`dataset:<namespace>:<name>`)' };

export const DECLARED_SCHEMA = namedSchema('DeclaredSchema', { description: 'The schema an output declares (ODCS properties)', ...outputSchemaOf(declaredSchema) });

const OBSERVED_FIELD_REF = { $ref: '#/components/schemas/ObservedField' };
export const OBSERVED_FIELD = namedSchema(
  'ObservedField',
  objectOf(
    { name: text, type: { type: 'string', description: 'The type as the producer spelled it' }, fields: arrayOf(OBSERVED_FIELD_REF, 'Nested fields (array items are `_element`, map entries `key` and `value`)') },
    { optional: ['type', 'fields'], description: 'One field of an OpenLineage `schema` facet' },
  ),
);

export const OBSERVED_SCHEMA = namedSchema(
  'ObservedSchema',
  objectOf(
    {
      dataset: { type: 'string', description: 'The identity lineage reported it under (the output’s, or another identity of the same dataset)' },
      fields: arrayOf(OBSERVED_FIELD),
      runId: { type: 'string', format: 'uuid' },
      job: { type: 'string', description: '`<namespace>/<name>` of the job whose run reported it' },
      observedAt: { ...dateTime, description: 'The event time of the report' },
      facetVersion: { ...nullableText, description: 'The facet’s `_schemaURL` (any version of the schema facet is read)' },
    },
    { description: 'The newest schema lineage reported for an output in an environment' },
  ),
);

export const DRIFT_FINDING = namedSchema(
  'DriftFinding',
  objectOf(
    {
      kind: { type: 'string', enum: FINDING_KINDS, description: '`missing`: declared, not observed; `type`: the types differ; `undeclared`: observed, not declared' },
      field: { type: 'string', description: 'Dotted path (`address.city`, array items `_element`)' },
      declared: { ...nullableText, description: 'The declared type (physical if declared, else logical); null when not declared' },
      observed: { ...nullableText, description: 'The observed type; null when not observed' },
    },
    { description: 'One disagreement between an output’s declared and observed schema' },
  ),
);

export const CONTRACT_DRIFT = namedSchema(
  'ContractDrift',
  objectOf(
    {
      id: { type: 'string', format: 'uuid' },
      product: text,
      output,
      environment: text,
      revision: { type: 'integer', minimum: 1, description: 'The revision whose declared schema was compared last' },
      findings: arrayOf(DRIFT_FINDING, 'What disagrees (while open: now; once resolved: last)'),
      observedAt: { ...dateTime, description: 'When the observed schema compared last was reported' },
      openedAt: dateTime,
      resolvedAt: { ...nullableDateTime, description: 'Null while open' },
    },
    { description: 'A period during which an output’s observed schema in an environment disagreed with its declared schema' },
  ),
);

export const CONTRACT_DRIFT_PAGE = pageSchema('ContractDriftPage', CONTRACT_DRIFT);

export const DRIFT_EVALUATION = namedSchema(
  'DriftEvaluation',
  objectOf({ evaluatedAt: dateTime, opened: arrayOf(CONTRACT_DRIFT, 'Drifts this evaluation opened'), resolved: arrayOf(CONTRACT_DRIFT, 'Drifts this evaluation resolved') }),
);

export const PRODUCT_CONTRACT = namedSchema(
  'ProductContract',
  objectOf({
    product: text,
    revision: { type: 'integer', minimum: 1, description: 'The current revision, whose declared schemas are shown' },
    outputs: arrayOf(
      objectOf({
        output,
        namespace: text,
        name: text,
        declared: nullable(DECLARED_SCHEMA, 'Null when the output declares no schema'),
        environments: arrayOf(
          objectOf({
            environment: text,
            observed: nullable(OBSERVED_SCHEMA, 'Null while lineage reported no schema for the output there'),
            findings: arrayOf(DRIFT_FINDING, 'How the observed schema disagrees with the declared one now (empty when it matches, or when either is missing)'),
          }),
          'Every configured environment, in order',
        ),
      }),
    ),
    openDrift: arrayOf(CONTRACT_DRIFT, 'Drift records still open, newest first'),
  }),
);
