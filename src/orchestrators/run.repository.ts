import { Injectable } from '@nestjs/common';
import type { RunDetail, RunStatus, RunStep, RunTarget } from '../../adapters/core/orchestrator.port';
import type { OrchestratorRun } from '../generated/prisma/client';
import { Page, pageOf } from '../common/pagination';
import { PrismaService } from '../database/prisma.service';
import type { RunListQuery, RunView } from './run.types';

export interface NewRun {
  id: string;
  orchestrator: string;
  environment: string;
  productName: string | null;
  revision: number | null;
  target: RunTarget;
  requestedBy: string;
}

/** Owns the orchestrator_run table. */
@Injectable()
export class RunRepository {
  constructor(private readonly prisma: PrismaService) {}

  async insert(run: NewRun): Promise<void> {
    await this.prisma.orchestratorRun.create({ data: { ...run, target: run.target as object, status: 'queued' } });
  }

  /** Stores what the orchestrator reports; a final state is never overwritten by an older read. */
  async recordDetail(id: string, detail: RunDetail): Promise<RunView> {
    const row = await this.prisma.orchestratorRun.update({
      where: { id },
      data: {
        status: detail.status,
        nativeStatus: detail.nativeStatus,
        steps: detail.steps as object[],
        startedAt: detail.startedAt ? new Date(detail.startedAt) : null,
        endedAt: detail.endedAt ? new Date(detail.endedAt) : null,
        updatedAt: new Date(),
      },
    });
    return toView(row);
  }

  async recordFailure(id: string, message: string): Promise<void> {
    await this.prisma.orchestratorRun.update({ where: { id }, data: { status: 'failed', error: message, endedAt: new Date(), updatedAt: new Date() } });
  }

  async find(id: string): Promise<RunView | null> {
    const row = await this.prisma.orchestratorRun.findUnique({ where: { id } });
    return row ? toView(row) : null;
  }

  /** Newest first, keyset-paged on (requestedAt, id) through the id of the last item. */
  async list(query: RunListQuery): Promise<Page<RunView>> {
    const cursor = query.after ? await this.prisma.orchestratorRun.findUnique({ where: { id: query.after }, select: { id: true } }) : null;
    const rows = await this.prisma.orchestratorRun.findMany({
      where: {
        ...(query.product ? { productName: query.product } : {}),
        ...(query.environment ? { environment: query.environment } : {}),
        ...(query.orchestrator ? { orchestrator: query.orchestrator } : {}),
        ...(query.status ? { status: query.status } : {}),
      },
      orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }],
      take: query.limit + 1,
      ...(cursor ? { cursor: { id: cursor.id }, skip: 1 } : {}),
    });
    return pageOf(rows.map(toView), query.limit, (r) => r.id);
  }
}

function toView(row: OrchestratorRun): RunView {
  return {
    id: row.id,
    orchestrator: row.orchestrator,
    environment: row.environment,
    product: row.productName,
    revision: row.revision,
    target: row.target as unknown as RunTarget,
    status: row.status as RunStatus,
    nativeStatus: row.nativeStatus,
    steps: (row.steps as unknown as RunStep[] | null) ?? [],
    error: row.error,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}
