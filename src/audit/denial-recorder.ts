import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Principal } from '../auth/principal';
import { AccessControl } from '../policy/access-control';
import type { Decision } from '../policy/decision';
import { AuditService } from './audit.service';
import type { AuditRecord } from './audit.types';

/**
 * Every denial passes through AccessControl.deny; this records each one. The entry is written on
 * its own, not in a transaction of the request, so it stays although the request fails.
 */
@Injectable()
export class DenialRecorder implements OnModuleInit {
  constructor(
    private readonly access: AccessControl,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.access.onDenial(async (principal, decision, record) => {
      await this.audit.record(denialRecord(principal, decision, record));
    });
  }
}

/** Named like the entry the action would have written had it been allowed: `data-product.update`. */
export function denialRecord(principal: Principal, decision: Decision, record?: Record<string, unknown>): AuditRecord {
  const id = record?.name ?? record?.id;
  const rule = decision.decidingRule;
  return {
    action: `${kebab(decision.subjectType)}.${decision.action}`,
    subjectType: decision.subjectType,
    subjectId: typeof id === 'string' ? id : undefined,
    outcome: 'denied',
    principalId: principal.id,
    policyVersion: decision.policyVersion,
    details: {
      reason: decision.reason,
      ...(decision.field ? { field: decision.field } : {}),
      rule: rule ? { role: rule.role, file: rule.file, path: rule.path } : null,
    },
  };
}

/** DataProduct → data-product. */
const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
