/**
 * JSON Schemas of the SLA endpoints' answers (freshness.ts, sla.repository.ts, sla.service.ts),
 * named for generated clients; the e2e specs check real answers against them.
 */
import { namedSchema } from '../../common/validation/openapi';
import { arrayOf, dateTime, everyValueOf, nullable, nullableDateTime, nullableText, objectOf, pageSchema, text } from '../../common/validation/openapi-shapes';
import type { FreshnessStatus, OutputStatus } from '../freshness';

const FRESHNESS_STATUSES = everyValueOf<FreshnessStatus>()(['fresh', 'breached']);
const OUTPUT_STATUSES = everyValueOf<OutputStatus>()(['fresh', 'stale', 'missing']);

const output = { type: 'string', description: 'Lineage node id of the output dataset (`dataset:<namespace>:<name>`)' };
const freshness = { type: 'string', description: 'The SLA’s ISO 8601 duration, e.g. `PT6H`' };

export const SLA_STATE = namedSchema(
  'SlaState',
  objectOf(
    {
      product: text,
      environment: text,
      freshness,
      status: { type: 'string', enum: FRESHNESS_STATUSES, description: '`breached` as soon as one output is not fresh' },
      breachesAt: { ...nullableDateTime, description: 'The earliest deadline still ahead: when it breaches if nothing is produced; null when none is ahead' },
      outputs: arrayOf(
        objectOf({
          output,
          lastProducedAt: { ...nullableDateTime, description: 'Last successful production in this environment; null if never' },
          deadline: { ...dateTime, description: 'When it is (or was) due again: last production, or the product’s registration, plus the freshness' },
          status: { type: 'string', enum: OUTPUT_STATUSES, description: '`missing`: never produced and past its deadline' },
        }),
      ),
    },
    { description: 'Freshness of one product in one environment, computed when asked' },
  ),
);

export const SLA_STATE_LIST = namedSchema('SlaStateList', objectOf({ evaluatedAt: dateTime, items: arrayOf(SLA_STATE) }));

export const SLA_BREACH = namedSchema(
  'SlaBreach',
  objectOf(
    {
      id: { type: 'string', format: 'uuid' },
      product: text,
      environment: text,
      output,
      openedAt: { ...dateTime, description: 'The deadline that was missed' },
      resolvedAt: { ...nullableDateTime, description: 'Null while open' },
      lastProducedAt: nullableDateTime,
    },
    { description: 'A period during which an output was out of its freshness SLA' },
  ),
);

export const SLA_BREACH_PAGE = pageSchema('SlaBreachPage', SLA_BREACH);

export const SLA_EVALUATION = namedSchema(
  'SlaEvaluation',
  objectOf({ evaluatedAt: dateTime, opened: arrayOf(SLA_BREACH, 'Breaches this evaluation opened'), resolved: arrayOf(SLA_BREACH, 'Breaches this evaluation resolved') }),
);

export const PRODUCT_SLA = namedSchema(
  'ProductSla',
  objectOf({
    product: text,
    freshness: { ...nullableText, description: 'The SLA’s ISO 8601 duration; null when the product declares none' },
    environments: arrayOf(SLA_STATE, 'Its freshness in each environment it runs in'),
    breaches: arrayOf(SLA_BREACH, 'Its 50 most recent breaches, newest first'),
  }),
);

export const SLA_TIMELINE = namedSchema(
  'SlaTimeline',
  objectOf(
    {
      product: text,
      environment: text,
      from: dateTime,
      to: dateTime,
      freshness: nullable(
        objectOf({ freshness, schedule: { type: 'string', description: 'A cron expression, when the manifest gives one' } }, { optional: ['schedule'] }),
        'The SLA as the manifest declares it; null when it declares none',
      ),
      productions: arrayOf(
        objectOf({ at: dateTime, dataset: output, runId: { ...nullableText, description: 'The OpenLineage run that produced it' } }),
        'Successful productions of its outputs in the environment during the period, oldest first',
      ),
      deadlines: arrayOf(
        objectOf({
          at: { ...dateTime, description: 'When the output was due: its production before (or the product’s registration) plus the freshness' },
          dataset: output,
          metBy: { ...nullableDateTime, description: 'The `at` of the production that met it; null when none did (yet)' },
          state: { type: 'string', enum: ['met', 'missed', 'pending'], description: '`pending`: still ahead and not met yet' },
        }),
        'The deadlines that fell in the period, oldest first',
      ),
      breaches: arrayOf(
        objectOf(
          {
            id: { type: 'string', format: 'uuid' },
            product: text,
            environment: text,
            output,
            openedAt: { ...dateTime, description: 'The deadline that was missed' },
            resolvedAt: { ...nullableDateTime, description: 'Null while open' },
            lastProducedAt: nullableDateTime,
            reason: { type: 'string', description: 'What was due when, and when it was last produced' },
          },
        ),
        'Breaches open at some time in the period, oldest first',
      ),
      truncated: { type: 'boolean', description: 'True when the period had more than 10,000 productions (the oldest are listed)' },
    },
    { description: 'A product’s freshness over a period in one environment' },
  ),
);
