import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/principal';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import type { GatehouseConfig } from '../config/config';
import { CONFIG } from '../config/config.module';
import { AbilityCache, CompiledAbility } from './ability.factory';
import { accessibleBy, WhereInput } from './casl';
import { decide, Decision } from './decision';
import { resolveGates } from './gate-resolution';
import type { EnvironmentGates } from './policy-files.schema';
import { loadPolicySet } from './policy-loader';
import { PolicyLoadError, PolicySet } from './policy-set';
import type { ProductAttributes } from './product-conditions';

export interface ReloadResult {
  version: string;
  previousVersion: string;
  changed: boolean;
  loadedAt: string;
}

/** Holds the active policy set and answers every authorization question against it. */
@Injectable()
export class PolicyService implements OnModuleInit {
  private readonly logger = new Logger(PolicyService.name);
  private readonly abilities = new AbilityCache();
  /** Decisions on a subject type alone, per compiled ability (see decide). */
  private readonly typeDecisions = new WeakMap<CompiledAbility, Map<string, Decision>>();
  private active!: PolicySet;

  constructor(
    @Inject(CONFIG) private readonly config: GatehouseConfig,
    private readonly audit: AuditService,
  ) {}

  /** An invalid policy set at startup stops the process: never run without policies. */
  async onModuleInit(): Promise<void> {
    this.active = await loadPolicySet(this.config.policyDir, this.config.environments);
    this.logger.log({ version: this.active.version, directory: this.active.directory, files: this.active.files }, 'policies loaded');
  }

  get current(): PolicySet {
    return this.active;
  }

  /** Loads the folder again; a bad set is reported and the last good one stays active. */
  async reload(): Promise<ReloadResult> {
    const previous = this.active;
    try {
      const next = await loadPolicySet(this.config.policyDir, this.config.environments);
      this.active = next;
      this.abilities.clear();
      this.logger.log({ version: next.version, previousVersion: previous.version }, 'policies reloaded');
      await this.audit.record({ action: 'policy.reload', subjectType: 'Policy', outcome: 'succeeded', policyVersion: next.version, before: { version: previous.version }, after: { version: next.version, files: next.files } });
      return { version: next.version, previousVersion: previous.version, changed: next.version !== previous.version, loadedAt: next.loadedAt };
    } catch (error) {
      if (!(error instanceof PolicyLoadError)) throw error;
      this.logger.warn({ problems: error.problems, version: previous.version }, 'policy reload refused; keeping the active set');
      await this.audit.record({ action: 'policy.reload', subjectType: 'Policy', outcome: 'failed', policyVersion: previous.version, details: { problems: error.problems } });
      throw new DomainError(
        ErrorCode.POLICY_INVALID,
        `The policy files are invalid; version ${previous.version} stays active.`,
        error.problems.map((p) => ({ field: `${p.file}: ${p.path}`, message: p.message })),
        { activeVersion: previous.version },
      );
    }
  }

  ability(principal: Principal): CompiledAbility {
    return this.abilities.get(this.active, principal);
  }

  decide(principal: Principal, action: string, subjectType: string, record?: Record<string, unknown>, field?: string): Decision {
    const compiled = this.ability(principal);
    if (record !== undefined || field !== undefined) return decide(compiled, this.active.version, action, subjectType, record, field);
    // A decision on a subject type alone (every route's guard asks one) depends on nothing else, so
    // it is kept with the compiled ability, which a policy reload or a principal change replaces.
    let decisions = this.typeDecisions.get(compiled);
    if (!decisions) this.typeDecisions.set(compiled, (decisions = new Map()));
    const key = `${action}\u0000${subjectType}`;
    let decision = decisions.get(key);
    if (!decision) decisions.set(key, (decision = Object.freeze(decide(compiled, this.active.version, action, subjectType))));
    return decision;
  }

  /** Prisma filter of the records of a model this principal may act on (e.g. read). */
  accessibleWhere<M extends 'DataProduct' | 'AuditEntry' | 'Principal' | 'ApiToken'>(principal: Principal, action: string, model: M): WhereInput<M> {
    return accessibleBy(this.ability(principal).ability, action).ofType(model as never) as WhereInput<M>;
  }

  /**
   * The gates a promotion of this product into the environment passes: the environment's gates
   * refined by its `rules` entries that match the product (undefined when the environment has none).
   */
  gatesFor(environment: string, product: ProductAttributes): EnvironmentGates | undefined {
    return resolveGates(this.active.gates.get(environment), product)?.gates;
  }
}

export function forbidden(decision: Decision, record?: Record<string, unknown>): DomainError {
  const name = typeof record?.name === 'string' ? ` ${record.name}` : typeof record?.id === 'string' ? ` ${record.id}` : '';
  const what = `${decision.action} ${decision.subjectType}${name}${decision.field ? ` (field ${decision.field})` : ''}`;
  return new DomainError(ErrorCode.FORBIDDEN, `Not allowed to ${what}: ${decision.reason}.`, [], {
    reason: decision.reason,
    rule: decision.decidingRule ? { role: decision.decidingRule.role, file: decision.decidingRule.file, path: decision.decidingRule.path } : null,
    policyVersion: decision.policyVersion,
    ...(decision.field ? { field: decision.field } : {}),
  });
}
