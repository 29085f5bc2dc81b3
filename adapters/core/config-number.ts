import { OrchestratorError } from './orchestrator-error';

/**
 * Reads an optional numeric adapter setting: the fallback when absent, otherwise a finite number
 * above zero (or zero too, when `zeroAllowed`). `label` names the setting in the error, e.g.
 * "Airflow timeoutMs".
 */
export function numberSetting(label: string, value: number | undefined, fallback: number, zeroAllowed = false): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0 || (value === 0 && !zeroAllowed)) {
    throw new OrchestratorError('invalid_request', `${label} must be a ${zeroAllowed ? 'non-negative' : 'positive'} number, got ${value}`);
  }
  return value;
}
