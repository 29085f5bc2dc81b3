import { readFileSync } from 'node:fs';
import YAML from 'yaml';
import { z } from 'zod';
import { formatPath } from '../common/validation/zod-issues';

/** A credential is never written in the file, only the environment variable that holds it. */
const secretRef = z.strictObject({ env: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must name an environment variable') });

const httpUrl = z.url({ message: 'must be an http(s) URL' }).refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL');

const common = {
  name: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'must be a lower-case slug (as used in product bindings)'),
  baseUrl: httpUrl,
  /**
   * Where people open the orchestrator's own UI (links to runs), when it is not where Gatehouse reaches its API (an
   * in-cluster name such as http://airflow-apiserver:8080). Defaults to baseUrl.
   */
  uiUrl: httpUrl.optional(),
  environment: z.string().min(1),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  /**
   * How long what a trigger checked about its target (Airflow: the DAG is not paused; Dagster: the
   * assets exist and can be materialized) is trusted before it is read again (default 10,000). 0 reads it on every trigger.
   */
  cacheTtlMs: z.number().int().min(0).max(3_600_000).optional(),
  /**
   * The OpenLineage namespace this instance's jobs report under (Airflow's `[openlineage] namespace`;
   * for Dagster, the namespace Gatehouse gives the events it derives). Defaults to the instance name.
   * Lineage from this namespace is attributed to this instance's environment.
   */
  lineageNamespace: z.string().min(1).max(1024).optional(),
};

/**
 * An OpenLineage dataset namespace (`postgres://warehouse:5432`, `snowflake://acme-prod`, `bigquery`): a scheme,
 * usually with an authority, never ending in `/` (a dataset's name follows it).
 */
const datasetNamespace = z
  .string()
  .max(1024)
  .regex(/^[A-Za-z][A-Za-z0-9+.-]*(?::\S*[^\s/])?$/, 'must be an OpenLineage dataset namespace such as postgres://warehouse:5432 (a scheme and authority, no trailing /)');

/**
 * Where a Dagster instance's tables live, for assets that name themselves by `dagster/table_name`: the dataset
 * namespace of each storage, by the asset's `dagster/storage_kind` metadata or one of its kinds (`postgres`,
 * `snowflake`…, compared without case), and `default` for assets whose kinds name none of them.
 */
const storageSchema = z.strictObject({
  kinds: z.record(z.string().min(1).max(256), datasetNamespace).default({}),
  default: datasetNamespace.optional(),
});

export type DatasetStorage = z.output<typeof storageSchema>;

const instanceSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...common,
    kind: z.literal('airflow'),
    apiVersion: z.enum(['v2', 'v1']).default('v2'),
    credentials: z.strictObject({ username: secretRef, password: secretRef }),
  }),
  z.strictObject({
    ...common,
    kind: z.literal('dagster'),
    repositoryLocation: z.string().min(1),
    repositoryName: z.string().min(1).default('__repository__'),
    assetJob: z.string().min(1).default('__ASSET_JOB'),
    /** Extra headers such as a Dagster+ API token, each read from the environment. */
    headers: z.record(z.string(), secretRef).default({}),
    storage: storageSchema.optional(),
  }),
]);

const fileSchema = z.strictObject({
  orchestrators: z.array(instanceSchema).refine((list) => new Set(list.map((o) => o.name)).size === list.length, 'orchestrator names must be unique'),
});

type Instance = z.output<typeof instanceSchema>;

/** An orchestrator instance with its credentials resolved (kept out of every API answer and log). */
export type OrchestratorInstance =
  | (Omit<Extract<Instance, { kind: 'airflow' }>, 'credentials'> & { credentials: { username: string; password: string } })
  | (Omit<Extract<Instance, { kind: 'dagster' }>, 'headers'> & { headers: Record<string, string> });

export class OrchestratorsFileError extends Error {}

/** The OpenLineage namespace an instance's jobs (and Gatehouse's events about it) report under. */
export function lineageNamespaceOf(instance: Pick<OrchestratorInstance, 'name' | 'lineageNamespace'>): string {
  return instance.lineageNamespace ?? instance.name;
}

/**
 * Reads GATEHOUSE_ORCHESTRATORS (a YAML file). Problems are reported as `file: path: message`;
 * a credential whose variable is unset is an error too, so a bad file never starts half-working.
 */
export function loadOrchestratorsFile(path: string, env: NodeJS.ProcessEnv, environments: string[]): OrchestratorInstance[] {
  let raw: unknown;
  try {
    raw = YAML.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new OrchestratorsFileError(`${path}: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.code === 'unrecognized_keys' ? formatPath([...issue.path, issue.keys[0]]) : formatPath(issue.path);
    throw new OrchestratorsFileError(`${path}: ${where}: ${issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message}`);
  }
  const namespaces = parsed.data.orchestrators.map(lineageNamespaceOf);
  const clash = namespaces.find((ns, i) => namespaces.indexOf(ns) !== i);
  if (clash) throw new OrchestratorsFileError(`${path}: orchestrators: lineage namespace ${clash} is used by two instances`);
  return parsed.data.orchestrators.map((raw, i) => {
    const instance = { ...raw, lineageNamespace: raw.lineageNamespace ?? raw.name };
    if (!environments.includes(instance.environment)) {
      throw new OrchestratorsFileError(`${path}: orchestrators[${i}].environment: ${instance.environment} is not in GATEHOUSE_ENVIRONMENTS (${environments.join(', ')})`);
    }
    const secret = (ref: { env: string }, field: string) => {
      const value = env[ref.env];
      if (!value) throw new OrchestratorsFileError(`${path}: orchestrators[${i}].${field}: environment variable ${ref.env} is not set`);
      return value;
    };
    if (instance.kind === 'airflow') {
      return { ...instance, credentials: { username: secret(instance.credentials.username, 'credentials.username'), password: secret(instance.credentials.password, 'credentials.password') } };
    }
    return { ...instance, headers: Object.fromEntries(Object.entries(instance.headers).map(([h, ref]) => [h, secret(ref, `headers.${h}`)])) };
  });
}
