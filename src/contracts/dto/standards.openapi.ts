/**
 * JSON Schemas of the open-standard exports (src/contracts/standards): ODCS v3.1.0 contracts and
 * ODPS v1.0.0 products, as far as Gatehouse writes them. Both stay open: fields an import kept
 * (servers, support, …) come back as they were.
 */
import { namedSchema } from '../../common/validation/openapi';
import { arrayOf, objectOf, text, texts, type JsonSchema } from '../../common/validation/openapi-shapes';

const customProperties = arrayOf(
  objectOf({ property: text, value: { description: 'Any JSON value' } }, { optional: [], description: 'One custom property' }),
  'Gatehouse-only fields (gatehouseProduct, gatehouseTier, gatehouseClassification, gatehouseContainsPii, gatehouseBindings, gatehouseFreshness, gatehouseSchedule; openlineageNamespace and openlineageName on schema objects and ports), then kept ones',
);
const team = objectOf(
  { name: { type: 'string', description: 'The owning team, `team:<slug>`' }, members: arrayOf(objectOf({ username: text, role: { type: 'string', description: '`owner` (the team) or `steward` (an e-mail address)' } }, { optional: ['role'] })) },
  { description: 'The owning team and the stewards' },
);
const description = objectOf({ purpose: text }, { optional: ['purpose'], description: 'The product description as `purpose`; kept usage, limitations, …' });
const version = { type: 'string', description: '`<revision>.0.0`: the revision exported' };
const status = { type: 'string', enum: ['active', 'retired'] };

const ODCS_PROPERTY: JsonSchema = {
  type: 'object',
  description: 'A declared field (ODCS property): name, logicalType, physicalType, required, unique, primaryKey, classification, description, nested properties, items, and kept fields',
  properties: { name: text, logicalType: text, physicalType: text, required: { type: 'boolean' }, unique: { type: 'boolean' }, primaryKey: { type: 'boolean' }, classification: text, description: text },
};

export const ODCS_CONTRACT = namedSchema(
  'OdcsContract',
  objectOf(
    {
      apiVersion: { type: 'string', enum: ['v3.1.0'] },
      kind: { type: 'string', enum: ['DataContract'] },
      id: { type: 'string', description: '`urn:gatehouse:contract:<product>:<namespace>/<name>`, or the id of the contract imported for the output' },
      name: text,
      version,
      status,
      domain: text,
      dataProduct: { type: 'string', description: 'The product name' },
      tags: texts,
      description,
      team,
      schema: arrayOf(
        objectOf(
          {
            name: text,
            physicalName: { type: 'string', description: 'The OpenLineage dataset name' },
            physicalType: text,
            logicalType: text,
            properties: arrayOf(ODCS_PROPERTY),
            quality: arrayOf({ type: 'object', description: 'An ODCS data quality rule' }),
            customProperties,
          },
          { optional: ['properties', 'quality'], description: 'The output' },
        ),
        'One schema object: the output',
      ),
      slaProperties: arrayOf(
        objectOf({ property: text, value: { type: ['string', 'number', 'integer', 'boolean', 'null'] }, unit: text, scheduler: text, schedule: text }, { optional: ['unit', 'scheduler', 'schedule'] }),
        'Freshness as `latency` (value and unit), the schedule as `frequency` (cron), then kept SLA properties',
      ),
      customProperties,
    },
    { optional: ['tags', 'description', 'slaProperties'], description: "One output's contract as ODCS v3.1.0 (also served as application/yaml)" },
  ),
);

export const ODPS_PRODUCT = namedSchema(
  'OdpsProduct',
  objectOf(
    {
      apiVersion: { type: 'string', enum: ['v1.0.0'] },
      kind: { type: 'string', enum: ['DataProduct'] },
      id: { type: 'string', description: '`urn:gatehouse:data-product:<product>`, or the id of the document imported' },
      name: { type: 'string', description: 'The product title' },
      version,
      status,
      domain: text,
      tags: texts,
      description,
      team,
      outputPorts: arrayOf(
        objectOf(
          { name: { type: 'string', description: 'The OpenLineage dataset name' }, version, contractId: { type: 'string', description: "The id of the output's ODCS contract" }, customProperties },
          { description: 'One output' },
        ),
      ),
      customProperties,
    },
    { optional: ['tags', 'description'], description: 'The product as ODPS v1.0.0 (also served as application/yaml)' },
  ),
);
