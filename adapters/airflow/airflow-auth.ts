import { OrchestratorError } from '../core/orchestrator-error';

/** How the adapter authenticates: plugged into HttpTransport's `authenticate` / `onUnauthorized` hooks. */
export interface AirflowAuth {
  authenticate(headers: Record<string, string>): Promise<void>;
  /** After a 401/403: obtain fresh credentials and say whether the request should be retried once. */
  onUnauthorized(refusal: OrchestratorError): Promise<boolean>;
  /** Every secret value this auth has sent or holds (password, tokens, encoded headers), for redaction. */
  secrets(): string[];
}
