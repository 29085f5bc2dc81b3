import { Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import type { Decision } from './decision';
import { forbidden, PolicyService } from './policy.service';

type DenialListener = (principal: Principal, decision: Decision, record?: Record<string, unknown>) => Promise<void>;

/**
 * What guards and services call to enforce a decision. Every denial passes through `deny`, so
 * there is one place that records denials (the audit trail listens here) and one shape of 403.
 */
@Injectable()
export class AccessControl {
  private readonly listeners: DenialListener[] = [];

  constructor(private readonly policies: PolicyService) {}

  onDenial(listener: DenialListener): void {
    this.listeners.push(listener);
  }

  /** Allows or throws 403; `record` is the concrete object, `field` a single attribute. */
  async require(principal: Principal, action: string, subjectType: string, record?: Record<string, unknown>, field?: string): Promise<Decision> {
    const decision = this.policies.decide(principal, action, subjectType, record, field);
    if (!decision.allowed) await this.deny(principal, decision, record);
    return decision;
  }

  /** Like require, for every field in `fields`; reports the first one refused. */
  async requireFields(principal: Principal, action: string, subjectType: string, record: Record<string, unknown>, fields: string[]): Promise<void> {
    for (const field of fields) await this.require(principal, action, subjectType, record, field);
  }

  async deny(principal: Principal, decision: Decision, record?: Record<string, unknown>): Promise<never> {
    for (const listener of this.listeners) await listener(principal, decision, record);
    throw forbidden(decision, record);
  }
}
