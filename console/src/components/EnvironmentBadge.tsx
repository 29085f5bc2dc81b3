import type { components } from '../api/schema';

export type EnvironmentState = components['schemas']['EnvironmentState'];
export type DeploymentStatus = EnvironmentState['status'];

/** A deployment status in words (never colour alone), with its tone. */
export const DEPLOYMENT_STATUS: Record<DeploymentStatus, { label: string; tone: 'neutral' | 'progress' | 'success' | 'danger' }> = {
  not_deployed: { label: 'not deployed', tone: 'neutral' },
  deploying: { label: 'deploying', tone: 'progress' },
  deployed: { label: 'deployed', tone: 'success' },
  failed: { label: 'failed', tone: 'danger' },
};

export function deploymentStatus(status: string): { label: string; tone: string } {
  return (DEPLOYMENT_STATUS as Record<string, { label: string; tone: string }>)[status] ?? { label: status.replace(/_/g, ' '), tone: 'neutral' };
}

/** "r3 deployed", "— not deployed": what one environment runs, as text. */
export function environmentText(state: EnvironmentState): string {
  return `${state.revision === null ? '—' : `r${state.revision}`} ${deploymentStatus(state.status).label}`;
}

interface EnvironmentBadgeProps {
  state: EnvironmentState;
  /** Writes the environment's name before the revision ("staging r1 deployed"). */
  withName?: boolean;
}

/**
 * The revision one environment runs and its deployment status, both as text: "r3 deployed",
 * "— not deployed" (nothing was ever deployed there), "r2 failed" (the last deployment failed;
 * r2 is what it tried). Compact enough for a table cell.
 */
export function EnvironmentBadge({ state, withName }: EnvironmentBadgeProps) {
  const status = deploymentStatus(state.status);
  const failedFrom = state.status === 'failed' && state.lastGoodRevision !== null && state.lastGoodRevision !== state.revision ? state.lastGoodRevision : null;
  return (
    <span className={`env-badge env-badge--${status.tone}`} data-environment={state.environment} data-status={state.status}>
      {withName && <span className="env-badge__name">{state.environment}</span>}
      {withName && ' '}
      <span className="env-badge__revision">{state.revision === null ? '—' : `r${state.revision}`}</span> <span className="env-badge__status">{status.label}</span>
      {failedFrom !== null && <span className="env-badge__status"> (last good r{failedFrom})</span>}
    </span>
  );
}
