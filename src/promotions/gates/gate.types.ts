import type { GateCheck } from '../../policy/policy-vocabulary';

export type GateStatus = 'passed' | 'failed' | 'pending' | 'overridden';

/** One gate as evaluated for a promotion, with what it looked at. */
export interface GateResult {
  check: GateCheck;
  /** A hard gate blocks; a soft one only warns. */
  hard: boolean;
  status: GateStatus;
  message: string;
  evidence: Record<string, unknown>;
}

/** A break-glass override of one gate: who, why and when. */
export interface GateOverride {
  check: GateCheck;
  by: string;
  reason: string;
  at: string;
}
