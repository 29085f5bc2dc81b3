import { isAbsolute, join, resolve } from 'node:path';
import { projectRoot } from '../database/project-paths';
import { loadOrchestratorsFile, OrchestratorInstance, OrchestratorsFileError } from '../orchestrators/orchestrators-file';
import { z } from 'zod';

/** Typed configuration, parsed once from the environment at startup. */
export interface GatehouseConfig {
  host: string;
  port: number;
  database: { kind: 'postgres'; url: string; schema?: string } | { kind: 'embedded'; dataDir: string };
  adminToken?: string;
  bodyLimitBytes: number;
  environments: string[];
  /** Folder of policy YAML files (roles and promotion gates). */
  policyDir: string;
  /** Orchestrator instances from GATEHOUSE_ORCHESTRATORS, credentials resolved. */
  orchestrators: OrchestratorInstance[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  shutdownTimeoutMs: number;
  /** Accept JWTs from this OpenID Connect issuer as bearer tokens; unset: API tokens only. */
  oidc?: OidcConfig;
  /** OpenLineage namespaces of producers other than the configured orchestrators, and their environment. */
  lineageEnvironments: Record<string, string>;
  /** How often SLA freshness is re-evaluated (it also is whenever lineage reports a production); 0 = only then. */
  slaIntervalMs: number;
  /** How often orchestrators without an OpenLineage emitter (Dagster) are polled for activity; 0 = never. */
  lineagePollMs: number;
  /** How often the promotion executor looks for work and polls running promotions' runs (push makes most of it unnecessary). */
  promotionPollMs: number;
  webhooks: WebhookConfig;
  /** The most lineage nodes the console draws at once; beyond it, it asks to narrow the view. */
  lineageViewMaxNodes: number;
}

export interface WebhookConfig {
  /** Where events (SLA breaches and recoveries, promotion transitions) are POSTed. */
  urls: string[];
  /** Signs every delivery (HMAC-SHA256, header X-Gatehouse-Signature). */
  secret?: string;
  /** `json` (Gatehouse's event) or `slack` (a Slack-compatible `{text, blocks}` message). */
  format: 'json' | 'slack';
  /** How often the outbox is checked for due deliveries. */
  pollMs: number;
  /** First retry delay; doubled per attempt (with jitter), capped at an hour. */
  retryBaseMs: number;
  /** Attempts before a delivery is abandoned. */
  maxAttempts: number;
}

export interface OidcConfig {
  issuer: string;
  audience: string;
  /** The console's public client at the issuer (authorization code + PKCE); its ID tokens are accepted too. */
  consoleClientId?: string;
  /** Scopes the console asks for when it signs someone in. */
  consoleScopes: string;
  /** Unset: discovered from the issuer's `/.well-known/openid-configuration`. */
  jwksUrl?: string;
  algorithms: string[];
  /** Claim names (or dotted paths into nested claims) that become the principal's attributes. */
  claims: { id: string; name: string; teams: string; roles: string };
  /** JWTs carrying this claim (truthy, or equal to `value` when given) are service accounts. */
  serviceClaim?: { claim: string; value?: string };
}

export class ConfigError extends Error {
  constructor(readonly variable: string, message: string) {
    super(`Invalid configuration: ${variable}: ${message}`);
  }
}

const slug = /^[a-z][a-z0-9-]{0,39}$/;

/** Asymmetric algorithms only: a JWKS publishes public keys, so HS* (and none) can never be right. */
export const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });
const claimName = z.string().max(200);

const envSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(7400),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgresql:// URL')
    .optional(),
  GATEHOUSE_DATA_DIR: z.string().min(1).default('./.gatehouse'),
  GATEHOUSE_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  GATEHOUSE_BODY_LIMIT: z.coerce.number().int().min(1024, 'must be at least 1024 bytes').default(1024 * 1024),
  GATEHOUSE_ENVIRONMENTS: z
    .string()
    .default('dev,staging,prod')
    .transform((v) => v.split(',').map((e) => e.trim()).filter(Boolean))
    .refine((list) => list.length > 0, 'must name at least one environment')
    .refine((list) => list.every((e) => slug.test(e)), 'each environment must be a lower-case slug')
    .refine((list) => new Set(list).size === list.length, 'environments must be unique'),
  GATEHOUSE_POLICY_DIR: z.string().min(1).optional(),
  GATEHOUSE_ORCHESTRATORS: z.string().min(1).optional(),
  GATEHOUSE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GATEHOUSE_SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(0).default(10_000),
  GATEHOUSE_LINEAGE_ENVIRONMENTS: z
    .string()
    .regex(/^[^=,]+=[a-z][a-z0-9-]*(,[^=,]+=[a-z][a-z0-9-]*)*$/, 'must be namespace=environment pairs separated by commas')
    .optional(),
  GATEHOUSE_SLA_INTERVAL_MS: z.coerce.number().int().min(0).default(60_000),
  GATEHOUSE_LINEAGE_POLL_MS: z.coerce.number().int().min(0).default(15_000),
  GATEHOUSE_PROMOTION_POLL_MS: z.coerce.number().int().min(100, 'must be at least 100 ms').default(5_000),
  GATEHOUSE_LINEAGE_VIEW_MAX_NODES: z.coerce.number({ message: 'must be a whole number from 50 to 20000' }).int('must be a whole number from 50 to 20000').min(50, 'must be a whole number from 50 to 20000').max(20_000, 'must be a whole number from 50 to 20000').default(1000),
  GATEHOUSE_WEBHOOKS: z
    .string()
    .transform((v) => v.split(',').map((u) => u.trim()).filter(Boolean))
    .refine((list) => list.every((u) => httpUrl.safeParse(u).success), 'each webhook must be an http(s) URL')
    .optional(),
  GATEHOUSE_WEBHOOK_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  GATEHOUSE_WEBHOOK_FORMAT: z.enum(['json', 'slack']).default('json'),
  GATEHOUSE_OIDC_ISSUER: httpUrl.optional(),
  GATEHOUSE_OIDC_AUDIENCE: z.string().max(500).optional(),
  GATEHOUSE_OIDC_JWKS_URL: httpUrl.optional(),
  GATEHOUSE_OIDC_CLIENT_ID: z.string().min(1).max(200).regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces').optional(),
  GATEHOUSE_OIDC_SCOPES: z
    .string()
    .max(500)
    .regex(/^[\x21-\x7e]+( [\x21-\x7e]+)*$/, 'must be scopes separated by single spaces')
    .refine((v) => v.split(' ').includes('openid'), 'must include openid')
    .default('openid profile email'),
  GATEHOUSE_OIDC_ALGORITHMS: z
    .string()
    .default('RS256,ES256')
    .transform((v) => v.split(',').map((a) => a.trim()).filter(Boolean))
    .refine((list) => list.length > 0 && list.every((a) => OIDC_ALGORITHMS.includes(a)), `each algorithm must be one of ${OIDC_ALGORITHMS.join(', ')}`),
  GATEHOUSE_OIDC_CLAIM_ID: claimName.default('sub'),
  GATEHOUSE_OIDC_CLAIM_NAME: claimName.default('name'),
  GATEHOUSE_OIDC_CLAIM_TEAMS: claimName.default('groups'),
  GATEHOUSE_OIDC_CLAIM_ROLES: claimName.default('roles'),
  GATEHOUSE_OIDC_SERVICE_CLAIM: z
    .string()
    .regex(/^[^=]+(=.+)?$/, 'must be a claim name, or claim=value')
    .transform((v) => {
      const at = v.indexOf('=');
      return at < 0 ? { claim: v } : { claim: v.slice(0, at), value: v.slice(at + 1) };
    })
    .optional(),
});

/** Parses and validates the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): GatehouseConfig {
  // Empty strings count as unset, as shells and compose files often produce them.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(String(issue.path[0]), issue.message);
  }
  const e = parsed.data;
  return {
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? postgresFromUrl(e.DATABASE_URL)
      : { kind: 'embedded', dataDir: isAbsolute(e.GATEHOUSE_DATA_DIR) ? e.GATEHOUSE_DATA_DIR : resolve(cwd, e.GATEHOUSE_DATA_DIR) },
    adminToken: e.GATEHOUSE_ADMIN_TOKEN,
    bodyLimitBytes: e.GATEHOUSE_BODY_LIMIT,
    environments: e.GATEHOUSE_ENVIRONMENTS,
    policyDir: e.GATEHOUSE_POLICY_DIR ? resolve(cwd, e.GATEHOUSE_POLICY_DIR) : join(projectRoot(), 'policies'),
    orchestrators: e.GATEHOUSE_ORCHESTRATORS ? orchestratorsFrom(resolve(cwd, e.GATEHOUSE_ORCHESTRATORS), env, e.GATEHOUSE_ENVIRONMENTS) : [],
    logLevel: e.GATEHOUSE_LOG_LEVEL,
    shutdownTimeoutMs: e.GATEHOUSE_SHUTDOWN_TIMEOUT_MS,
    oidc: oidcFrom(e, Object.keys(present)),
    lineageEnvironments: lineageEnvironmentsFrom(e.GATEHOUSE_LINEAGE_ENVIRONMENTS, e.GATEHOUSE_ENVIRONMENTS),
    slaIntervalMs: e.GATEHOUSE_SLA_INTERVAL_MS,
    lineagePollMs: e.GATEHOUSE_LINEAGE_POLL_MS,
    promotionPollMs: e.GATEHOUSE_PROMOTION_POLL_MS,
    webhooks: webhooksFrom(e),
    lineageViewMaxNodes: e.GATEHOUSE_LINEAGE_VIEW_MAX_NODES,
  };
}

function webhooksFrom(e: z.output<typeof envSchema>): WebhookConfig {
  const urls = e.GATEHOUSE_WEBHOOKS ?? [];
  if (urls.length && !e.GATEHOUSE_WEBHOOK_SECRET) throw new ConfigError('GATEHOUSE_WEBHOOK_SECRET', 'must be set when GATEHOUSE_WEBHOOKS is: every delivery is signed');
  return { urls, secret: e.GATEHOUSE_WEBHOOK_SECRET, format: e.GATEHOUSE_WEBHOOK_FORMAT, pollMs: 1000, retryBaseMs: 2000, maxAttempts: 10 };
}

function lineageEnvironmentsFrom(value: string | undefined, environments: string[]): Record<string, string> {
  const map: Record<string, string> = {};
  for (const pair of value ? value.split(',') : []) {
    const at = pair.lastIndexOf('=');
    const [namespace, environment] = [pair.slice(0, at).trim(), pair.slice(at + 1).trim()];
    if (!environments.includes(environment)) {
      throw new ConfigError('GATEHOUSE_LINEAGE_ENVIRONMENTS', `${environment} (for ${namespace}) is not in GATEHOUSE_ENVIRONMENTS (${environments.join(', ')})`);
    }
    map[namespace] = environment;
  }
  return map;
}

/** OIDC is on when issuer and audience are set; they only make sense together. */
function oidcFrom(e: z.output<typeof envSchema>, given: string[]): OidcConfig | undefined {
  const issuer = e.GATEHOUSE_OIDC_ISSUER;
  const audience = e.GATEHOUSE_OIDC_AUDIENCE;
  if (!issuer && !audience) {
    const stray = given.find((name) => name.startsWith('GATEHOUSE_OIDC_'));
    if (stray) throw new ConfigError('GATEHOUSE_OIDC_ISSUER', `must be set (with GATEHOUSE_OIDC_AUDIENCE) when ${stray} is`);
    return undefined;
  }
  if (!issuer) throw new ConfigError('GATEHOUSE_OIDC_ISSUER', 'must be set together with GATEHOUSE_OIDC_AUDIENCE');
  if (!audience) throw new ConfigError('GATEHOUSE_OIDC_AUDIENCE', 'must be set together with GATEHOUSE_OIDC_ISSUER');
  return {
    issuer,
    audience,
    jwksUrl: e.GATEHOUSE_OIDC_JWKS_URL,
    consoleClientId: e.GATEHOUSE_OIDC_CLIENT_ID,
    consoleScopes: e.GATEHOUSE_OIDC_SCOPES,
    algorithms: e.GATEHOUSE_OIDC_ALGORITHMS,
    claims: {
      id: e.GATEHOUSE_OIDC_CLAIM_ID,
      name: e.GATEHOUSE_OIDC_CLAIM_NAME,
      teams: e.GATEHOUSE_OIDC_CLAIM_TEAMS,
      roles: e.GATEHOUSE_OIDC_CLAIM_ROLES,
    },
    serviceClaim: e.GATEHOUSE_OIDC_SERVICE_CLAIM,
  };
}

/** Honours Prisma's `?schema=` convention so one database can hold several Gatehouse schemas. */
function postgresFromUrl(url: string): GatehouseConfig['database'] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigError('DATABASE_URL', 'is not a valid URL');
  }
  const schema = parsed.searchParams.get('schema') ?? undefined;
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) {
    throw new ConfigError('DATABASE_URL', 'schema parameter must be a plain identifier');
  }
  parsed.searchParams.delete('schema');
  return { kind: 'postgres', url: parsed.toString(), schema };
}

function orchestratorsFrom(path: string, env: NodeJS.ProcessEnv, environments: string[]): OrchestratorInstance[] {
  try {
    return loadOrchestratorsFile(path, env, environments);
  } catch (error) {
    if (error instanceof OrchestratorsFileError) throw new ConfigError('GATEHOUSE_ORCHESTRATORS', error.message);
    throw error;
  }
}
