/** Every adapter failure is one of these; the orchestrator's own message is kept beside it. */
export type OrchestratorErrorCode =
  | 'unreachable'
  | 'timeout'
  | 'unauthorized'
  | 'not_found'
  | 'conflict'
  | 'invalid_request'
  | 'orchestrator_error';

export class OrchestratorError extends Error {
  constructor(
    readonly code: OrchestratorErrorCode,
    message: string,
    /** What the orchestrator said, verbatim (never containing our credentials). */
    readonly orchestratorMessage: string | null = null,
    readonly httpStatus: number | null = null,
  ) {
    super(message);
    this.name = 'OrchestratorError';
  }
}
