import { Injectable } from '@nestjs/common';

/** Loads a record's attributes by id so `policy/evaluate` can be asked about it by name. */
export type SubjectResolver = (id: string) => Promise<Record<string, unknown> | null>;

/**
 * Features register resolvers for their subjects here at startup; the policy feature needs no
 * dependency on them (they depend on it), so there is no module cycle.
 */
@Injectable()
export class SubjectResolvers {
  private readonly resolvers = new Map<string, SubjectResolver>();

  register(subjectType: string, resolver: SubjectResolver): void {
    this.resolvers.set(subjectType, resolver);
  }

  get(subjectType: string): SubjectResolver | undefined {
    return this.resolvers.get(subjectType);
  }
}
