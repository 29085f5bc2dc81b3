/**
 * JSON Schemas of the catalog's answers (data-product.types.ts, data-products.service.ts), named
 * so generated clients get one type per shape. The e2e specs check real answers against them.
 */
import { namedSchema } from '../../common/validation/openapi';
import { arrayOf, dateTime, everyValueOf, nullableDateTime, nullableText, objectOf, outputSchemaOf, pageSchema, text, texts } from '../../common/validation/openapi-shapes';
import type { EnvironmentState, ProductStatus } from '../data-product.types';
import { CONTRACT_RULES } from '../manifest/contract-changes';
import type { ChangeLevel } from '../manifest/contract-changes';
import type { ManifestChange } from '../manifest/diff';
import { CLASSIFICATIONS, manifestSchema } from '../manifest/manifest.schema';

export const PRODUCT_STATUSES = everyValueOf<ProductStatus>()(['active', 'retired']);
export const ENVIRONMENT_STATUSES = everyValueOf<EnvironmentState['status']>()(['not_deployed', 'deploying', 'deployed', 'failed']);

const revisionNumber = { type: 'integer', minimum: 1 };
const digest = { type: 'string', description: '`sha256:<hex>` of the canonical JSON of the manifest' };

/** What revisions store: the manifest as validated, every default filled in (a closed shape). */
export const MANIFEST = namedSchema('Manifest', { description: 'A data product manifest as stored: validated, with its defaults filled in', ...outputSchemaOf(manifestSchema) });

export const ENVIRONMENT_STATE = namedSchema(
  'EnvironmentState',
  objectOf(
    {
      environment: text,
      revision: { type: ['integer', 'null'], minimum: 1, description: 'The revision the environment runs; null while nothing was deployed there' },
      status: { type: 'string', enum: ENVIRONMENT_STATUSES },
      lastGoodRevision: { type: ['integer', 'null'], minimum: 1, description: 'The last revision deployed successfully (what a rollback goes back to)' },
      updatedAt: { ...nullableDateTime, description: 'Null while nothing was deployed there' },
    },
    { description: 'What one configured environment runs of a product (every configured environment is listed, in their order)' },
  ),
);

export const DATA_PRODUCT_SUMMARY = namedSchema(
  'DataProductSummary',
  objectOf({
    name: text,
    title: text,
    domain: text,
    owner: { type: 'string', description: 'The owning team, `team:<slug>`' },
    stewards: { ...texts, description: 'E-mail addresses' },
    tags: texts,
    description: text,
    tier: { type: 'integer', minimum: 1, maximum: 4, description: '1 is the most critical' },
    classification: { type: 'string', enum: CLASSIFICATIONS },
    containsPii: { type: 'boolean' },
    status: { type: 'string', enum: PRODUCT_STATUSES },
    revision: { ...revisionNumber, description: 'The current (latest) revision' },
    digest,
    createdAt: dateTime,
    createdBy: { type: 'string', description: 'Principal id' },
    updatedAt: dateTime,
    retiredAt: { ...nullableDateTime, description: 'Null while active' },
    environments: arrayOf(ENVIRONMENT_STATE),
  }),
);

export const DATA_PRODUCT = namedSchema('DataProduct', {
  description: 'A data product with its current manifest',
  allOf: [
    DATA_PRODUCT_SUMMARY,
    objectOf({
      etag: { type: 'string', description: 'Also in the ETag header: `"r<revision>"`, `"r<revision>-retired"` once retired' },
      manifest: MANIFEST,
    }),
  ],
});

export const DATA_PRODUCT_PAGE = pageSchema('DataProductPage', DATA_PRODUCT_SUMMARY);

export const ENVIRONMENT_STATE_LIST = namedSchema('EnvironmentStateList', objectOf({ items: arrayOf(ENVIRONMENT_STATE) }));

export const REVISION_SUMMARY = namedSchema(
  'RevisionSummary',
  objectOf({ number: revisionNumber, digest, author: { type: 'string', description: 'Principal id' }, createdAt: dateTime }),
);

export const REVISION = namedSchema('Revision', {
  description: 'One immutable revision with its manifest',
  allOf: [REVISION_SUMMARY, objectOf({ product: { type: 'string', description: 'The product name' }, manifest: MANIFEST })],
});

export const REVISION_PAGE = pageSchema('RevisionPage', REVISION_SUMMARY);

const changePath = { type: 'string', description: 'Dotted path, arrays of objects by index: `spec.sla.freshness`, `spec.outputs[1].name`' };
const value = (description: string) => ({ description });
/** The values each kind of change carries (a Record, so a new kind of change must be added here). */
const CHANGE_VALUES: Record<ManifestChange['op'], Record<string, object>> = {
  added: { after: value('The new value') },
  removed: { before: value('The old value') },
  changed: { before: value('The old value'), after: value('The new value') },
};

export const MANIFEST_CHANGE = namedSchema('ManifestChange', {
  description: 'One difference between two manifests: `added` has `after`, `removed` has `before`, `changed` both',
  oneOf: Object.entries(CHANGE_VALUES).map(([op, values]) => objectOf({ path: changePath, op: { const: op }, ...values })),
});

export const CHANGE_LEVELS = everyValueOf<ChangeLevel>()(['breaking', 'review', 'safe']);

export const CONTRACT_CHANGE = namedSchema(
  'ContractChange',
  objectOf(
    {
      rule: { type: 'string', enum: Object.keys(CONTRACT_RULES), description: Object.entries(CONTRACT_RULES).map(([id, r]) => `\`${id}\` (${r.level}): ${r.means}`).join('; ') },
      level: { type: 'string', enum: CHANGE_LEVELS, description: '`breaking`: readers may break (a promotion waits for downstream acknowledgements); `review`: worth a look; `safe`: additions and documentation' },
      output: { ...nullableText, description: 'The output’s lineage node id (`dataset:<namespace>:<name>`); null for a product-level change' },
      field: { ...nullableText, description: 'Dotted path of the field in the output’s declared schema (`address.city`; array items are `_element`); null above field level' },
      before: value('The old value (absent for an addition)'),
      after: value('The new value (absent for a removal)'),
      message: text,
    },
    { optional: ['before', 'after'], description: 'One change of what a product promises its readers (its outputs, their declared schemas, personal data, classification, freshness), classified by a rule' },
  ),
);

export const CONTRACT_DIFF = namedSchema(
  'ContractDiff',
  objectOf({
    breaking: { type: 'boolean', description: 'True when any change is breaking' },
    changes: arrayOf(CONTRACT_CHANGE, 'Product-level changes first, then per output in declaration order'),
  }),
);

export const REVISION_DIFF = namedSchema(
  'RevisionDiff',
  objectOf({
    product: text,
    from: revisionNumber,
    to: revisionNumber,
    changes: arrayOf(MANIFEST_CHANGE, 'Ordered by path; arrays of scalars (tags, stewards, asset keys) change as one value'),
    contract: CONTRACT_DIFF,
  }),
);
