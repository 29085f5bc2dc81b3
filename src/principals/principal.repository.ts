import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import type { Principal as PrincipalRow } from '../generated/prisma/client';
import { DomainError } from '../common/errors/domain-error';
import { ErrorCode } from '../common/errors/error-code';
import { PrismaService } from '../database/prisma.service';
import { Page, pageOf } from '../common/pagination';
import type { NewPrincipal, PrincipalChanges, PrincipalKind, PrincipalListQuery, PrincipalView } from './principal.types';

const isUniqueViolation = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';

/** Owns every query on principals. Principals are never deleted: tokens and audit entries name them. */
@Injectable()
export class PrincipalRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findById(id: string): Promise<PrincipalView | null> {
    const row = await this.prisma.principal.findUnique({ where: { id } });
    return row ? toView(row) : null;
  }

  async create(principal: NewPrincipal, createdBy: string): Promise<PrincipalView> {
    try {
      return toView(await this.prisma.principal.create({ data: { ...principal, createdBy } }));
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError(ErrorCode.ALREADY_EXISTS, `Principal ${principal.id} already exists.`);
      throw error;
    }
  }

  /** Null when no such principal exists. */
  async update(id: string, changes: PrincipalChanges): Promise<PrincipalView | null> {
    const updated = await this.prisma.principal.updateMany({ where: { id }, data: { ...changes, updatedAt: new Date() } });
    return updated.count === 1 ? this.findById(id) : null;
  }

  /** Idempotent: disabling keeps the first `disabledAt`, enabling an enabled principal changes nothing. */
  async setDisabled(id: string, disabled: boolean): Promise<PrincipalView | null> {
    const now = new Date();
    await this.prisma.principal.updateMany({
      where: disabled ? { id, disabledAt: null } : { id, disabledAt: { not: null } },
      data: { disabledAt: disabled ? now : null, updatedAt: now },
    });
    return this.findById(id);
  }

  /** Keyset pagination on the id, like the catalog's on the name. */
  async list(query: PrincipalListQuery): Promise<Page<PrincipalView>> {
    const where: Prisma.PrincipalWhereInput = {
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.team ? { teams: { has: query.team } } : {}),
      ...(query.role ? { roles: { has: query.role } } : {}),
      ...(query.disabled === undefined ? {} : { disabledAt: query.disabled ? { not: null } : null }),
      ...(query.after ? { id: { gt: query.after } } : {}),
    };
    const rows = await this.prisma.principal.findMany({ where, orderBy: { id: 'asc' }, take: query.limit + 1 });
    return pageOf(rows.map(toView), query.limit, (p) => p.id);
  }
}

function toView(row: PrincipalRow): PrincipalView {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as PrincipalKind,
    teams: row.teams,
    roles: row.roles,
    email: row.email,
    disabled: row.disabledAt !== null,
    disabledAt: row.disabledAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    updatedAt: row.updatedAt.toISOString(),
  };
}
