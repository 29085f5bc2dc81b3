import { OrchestratorError } from '../core/orchestrator-error';

const MASK = '[redacted]';

/** The forms a secret can take in a message: as is, JSON-escaped, URL-encoded, base64 (as in a basic auth header). */
function forms(secret: string): string[] {
  const out = new Set<string>([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
  return [...out].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length);
}

export function redactText(text: string, secrets: string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (!secret) continue;
    for (const form of forms(secret)) out = out.split(form).join(MASK);
  }
  return out;
}

/**
 * The same error without any secret in `message` or `orchestratorMessage` (Airflow's 422 bodies echo the request
 * input, so a refused token request would quote the password). Non-adapter errors get a redacted message too.
 */
export function redactError(error: unknown, secrets: string[]): unknown {
  if (error instanceof OrchestratorError) {
    const message = redactText(error.message, secrets);
    const said = error.orchestratorMessage === null ? null : redactText(error.orchestratorMessage, secrets);
    if (message === error.message && said === error.orchestratorMessage) return error;
    return new OrchestratorError(error.code, message, said, error.httpStatus);
  }
  if (error instanceof Error) {
    const message = redactText(error.message, secrets);
    if (message !== error.message) {
      error.message = message;
      if (error.stack) error.stack = redactText(error.stack, secrets);
    }
  }
  return error;
}
