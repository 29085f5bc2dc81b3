import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import type { Principal } from './principal';

export const ADMIN_ROLE = 'admin';

/**
 * Interim authorization for principal and token management: administrators only. The policy
 * engine (src/policy) takes this over; until then this is the one place that decides it.
 */
export function requireAdmin(principal: Principal): void {
  if (!principal.roles.includes(ADMIN_ROLE)) {
    throw new DomainError(ErrorCode.FORBIDDEN, `Only administrators may manage principals and tokens; ${principal.id} is not one.`);
  }
}
