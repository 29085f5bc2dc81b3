import { z } from 'zod';
import { cronProblem } from './cron';
import { CLASSIFICATIONS, declaredSchema } from './declared-schema';
import { parseIsoDuration } from './iso-duration';

export { CLASSIFICATIONS, type Classification } from './declared-schema';

/** Lower-case DNS-label style: what product names, domains and orchestrator names look like. */
export const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const slug = (what: string) => z.string().regex(SLUG, `must be a ${what}: lower-case letters, digits and dashes, 1-63 characters, no leading or trailing dash`);

const TEAM = /^team:[a-z0-9](?:[a-z0-9._-]{0,98}[a-z0-9])?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const uniqueStrings = (items: string[]) => new Set(items).size === items.length;

const datasetId = z.strictObject({
  namespace: z.string().min(1, 'must not be empty').max(500),
  name: z.string().min(1, 'must not be empty').max(500),
});

/** At most this much JSON (1 MiB) is kept of the fields an imported ODCS or ODPS document carried that Gatehouse does not map. */
export const MAX_EXTENSIONS_BYTES = 1_048_576;

/**
 * Fields of an open standard that Gatehouse does not model, kept verbatim with the revision so an
 * export gives them back (`odcs` on an output, `odps` on the product; see src/contracts/standards).
 */
/** A JSON value (a type alias: stored manifests must stay JSON-assignable). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };
const jsonObject = z.record(z.string(), z.unknown()) as unknown as z.ZodType<JsonObject>;

const extensions = jsonObject.superRefine((value, ctx) => {
  const size = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  if (size > MAX_EXTENSIONS_BYTES) ctx.addIssue({ code: 'custom', message: `holds ${size} bytes of JSON, more than ${MAX_EXTENSIONS_BYTES}` });
});

/** One ODCS data quality rule (`schema[].quality[]`), kept as written: Gatehouse records it, it does not run it. */
const qualityRule = jsonObject.superRefine((rule, ctx) => {
  const type = rule.type ?? 'library';
  if (!['text', 'library', 'sql', 'custom'].includes(type as string)) ctx.addIssue({ code: 'custom', path: ['type'], message: 'must be one of text, library, sql, custom' });
  if (type === 'sql' && typeof rule.query !== 'string') ctx.addIssue({ code: 'custom', path: ['query'], message: 'is required for a sql rule' });
  if (type === 'custom' && (typeof rule.engine !== 'string' || rule.implementation === undefined)) {
    ctx.addIssue({ code: 'custom', path: [typeof rule.engine !== 'string' ? 'engine' : 'implementation'], message: 'is required for a custom rule' });
  }
});

/** An output: its OpenLineage dataset identity and, optionally, the schema it promises its readers, its quality rules and kept ODCS fields. */
const output = datasetId.extend({
  schema: declaredSchema.optional(),
  quality: z.array(qualityRule).max(200).optional(),
  extensions: extensions.optional(),
});

const dagBinding = z.strictObject({
  orchestrator: slug('orchestrator name'),
  dag: z.string().regex(/^[A-Za-z0-9_.-]{1,250}$/, 'must be an Airflow dag_id (letters, digits, _ . -)'),
  task: z.string().regex(/^[A-Za-z0-9_.-]{1,250}$/, 'must be an Airflow task_id').optional(),
});

const assetBinding = z.strictObject({
  orchestrator: slug('orchestrator name'),
  asset: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'each asset key part is letters, digits, _ or -'))
    .min(1, 'must name at least one asset key part'),
});

const binding = z.union([dagBinding, assetBinding]).superRefine((value, ctx) => {
  if ('dag' in value && 'asset' in value) ctx.addIssue({ code: 'custom', message: 'a binding names either a dag or an asset, not both' });
});

const sla = z.strictObject({
  freshness: z.string().refine((v) => (parseIsoDuration(v) ?? 0) > 0, {
    message: 'must be a positive ISO 8601 duration in weeks, days, hours, minutes or seconds, such as PT6H or P1D',
  }),
  schedule: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      const problem = v === undefined ? undefined : cronProblem(v);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
});

export const manifestSchema = z.strictObject({
  apiVersion: z.literal('gatehouse/v1', { message: 'must be gatehouse/v1' }),
  kind: z.literal('DataProduct', { message: 'must be DataProduct' }),
  metadata: z.strictObject({
    name: slug('slug'),
    title: z.string().trim().min(1, 'must not be empty').max(200),
    domain: slug('domain slug'),
    owner: z.string().regex(TEAM, 'must be a team reference such as team:sales-data (people are stewards)'),
    stewards: z
      .array(z.string().regex(EMAIL, 'must be an e-mail address'))
      .max(50)
      .refine(uniqueStrings, 'must not repeat a steward')
      .default([]),
    tags: z
      .array(z.string().regex(/^[a-z0-9][a-z0-9_.-]{0,62}$/, 'must be a lower-case tag of at most 63 characters'))
      .max(50)
      .refine(uniqueStrings, 'must not repeat a tag')
      .default([]),
  }),
  spec: z.strictObject({
    description: z.string().max(10_000).default(''),
    tier: z.number({ message: 'must be a whole number from 1 (highest) to 4' }).int().min(1).max(4),
    classification: z.enum(CLASSIFICATIONS, { message: `must be one of ${CLASSIFICATIONS.join(', ')}` }),
    containsPii: z.boolean({ message: 'must be true or false' }),
    sla: sla.optional(),
    outputs: z
      .array(output)
      .max(500)
      .default([])
      .superRefine((outputs, ctx) => {
        const seen = new Set<string>();
        outputs.forEach((o, i) => {
          const key = `${o.namespace}\u0000${o.name}`;
          if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `repeats output ${o.namespace}/${o.name}` });
          seen.add(key);
        });
      }),
    bindings: z
      .array(binding)
      .max(100)
      .default([])
      .superRefine((bindings, ctx) => {
        const seen = new Set<string>();
        bindings.forEach((b, i) => {
          const key = JSON.stringify(b);
          if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: 'repeats an earlier binding' });
          seen.add(key);
        });
      }),
    extensions: extensions.optional(),
  }),
});

/** A validated manifest with defaults filled in: what revisions store and digests cover. */
export type Manifest = z.output<typeof manifestSchema>;
export type ManifestInput = z.input<typeof manifestSchema>;
export type Binding = Manifest['spec']['bindings'][number];
export type DeclaredOutput = Manifest['spec']['outputs'][number];
/** An output as lineage names it. */
export type DatasetIdentity = Pick<DeclaredOutput, 'namespace' | 'name'>;
