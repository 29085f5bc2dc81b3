import { SetMetadata } from '@nestjs/common';
import type { Action, SubjectType } from './policy-vocabulary';

export const AUTHORIZE = 'gatehouse:authorize';

export interface RouteRequirement {
  action: Action;
  subject: SubjectType;
}

/**
 * Declares what a route does, checked by PolicyGuard on the subject type before the handler runs.
 * Services then check the concrete record. Routes without it (and not @Public) are refused.
 */
export const Authorize = (action: Action, subject: SubjectType) => SetMetadata(AUTHORIZE, { action, subject } satisfies RouteRequirement);

/** Marks a route any authenticated principal may call (it concerns only the caller, like /me). */
export const ANY_PRINCIPAL = 'any-principal';
export const AnyPrincipal = () => SetMetadata(AUTHORIZE, ANY_PRINCIPAL);
