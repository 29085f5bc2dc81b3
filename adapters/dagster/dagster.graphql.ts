import { HttpTransport } from '../core/http-transport';
import { OrchestratorError } from '../core/orchestrator-error';
import { ResolvedDagsterConfig } from './dagster.config';

export interface GraphqlCall {
  /** Read-only or idempotent: the transport may retry it (unreachable, timeout, 5xx without a GraphQL body). */
  safe: boolean;
}

/** The operation name of a document (`query GatehouseRun(...)` → `GatehouseRun`). */
export function operationNameOf(document: string): string | null {
  return /^\s*(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(document)?.[1] ?? null;
}

/**
 * POSTs `{query, variables, operationName}` to Dagster's /graphql and returns `data`.
 *
 * Dagster answers 500 when a resolver raised — sometimes with a PythonError union member inside valid `data`,
 * sometimes with only `errors` (variable validation) — and 400 for documents that don't fit its schema. So 400 and 500
 * are read as GraphQL bodies, not thrown away:
 * - a body that is not a GraphQL JSON object → `orchestrator_error` (with the start of the body);
 * - a non-empty `errors` array (whatever the status, 200 included) → `orchestrator_error` with Dagster's messages;
 *   a 400 means Gatehouse's document doesn't fit this Dagster's schema, which is no fault of the caller's request;
 * - otherwise `data`, whose union members (`__typename`) the caller checks with expectTypename().
 */
export class DagsterGraphqlClient {
  constructor(
    private readonly transport: HttpTransport,
    private readonly config: ResolvedDagsterConfig,
  ) {}

  async request<T>(document: string, variables: Record<string, unknown>, call: GraphqlCall): Promise<T> {
    const operationName = operationNameOf(document);
    const label = operationName ?? 'GraphQL request';
    const { status, data: body } = await this.transport.call<unknown>(
      {
        method: 'POST',
        url: this.config.graphqlUrl,
        data: { query: document, variables, ...(operationName ? { operationName } : {}) },
        headers: { 'content-type': 'application/json', ...this.config.headers },
      },
      { safe: call.safe, acceptStatus: [400, 500] },
    );
    return readGraphqlBody<T>(label, status, body);
  }
}

export function readGraphqlBody<T>(label: string, status: number, body: unknown): T {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    const text = typeof body === 'string' ? body : body === undefined || body === null ? '' : JSON.stringify(body);
    throw new OrchestratorError(
      'orchestrator_error',
      `Dagster ${label}: HTTP ${status} with a body that is not a GraphQL answer`,
      text.slice(0, 500) || null,
      status,
    );
  }
  const { data, errors } = body as { data?: unknown; errors?: unknown };
  if (Array.isArray(errors) && errors.length > 0) {
    const messages = errors.map((e) => (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string' ? (e as { message: string }).message : JSON.stringify(e)));
    const why = status === 400 ? 'rejected the GraphQL document (does this Dagster version match?)' : 'answered with GraphQL errors';
    throw new OrchestratorError('orchestrator_error', `Dagster ${label}: HTTP ${status}, ${why}`, messages.join('\n').slice(0, 2000), status);
  }
  if (!data || typeof data !== 'object') {
    throw new OrchestratorError('orchestrator_error', `Dagster ${label}: HTTP ${status} with no data`, null, status);
  }
  return data as T;
}
