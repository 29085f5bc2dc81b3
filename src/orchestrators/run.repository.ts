import { Injectable } from '@nestjs/common';
import type { RunDetail, RunStatus, RunStep, RunTarget } from '../../adapters/core/orchestrator.port';
import type { OrchestratorRun } from '../generated/prisma/client';
import { Page, pageOf } from '../common/pagination';
import { PrismaService } from '../database/prisma.service';
import { FINAL_STATUSES, RunListQuery, RunSource, RunView } from './run.types';

/** What lineage says of a run. */
export interface LineageState {
  lineageRunId: string;
  status: string;
  startedAt: Date | null;
  endedAt: Date | null;
  error: string | null;
}

export interface ObservedRun extends LineageState {
  orchestrator: string;
  environment: string;
  productName: string;
  target: RunTarget;
}

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

  /** Records a run about to be triggered; a second call with the same id changes nothing. */
  /** True when this call created the run (no earlier attempt with its id can exist). */
  async insertIfAbsent(run: NewRun): Promise<boolean> {
    const created = await this.prisma.orchestratorRun.createMany({ data: [{ ...run, target: run.target as object, status: 'queued' }], skipDuplicates: true });
    return created.count === 1;
  }

  /**
   * Stores what the orchestrator reports. A final state is never overwritten by a read that is not
   * final: lineage may have ended the run while an orchestrator read was in flight.
   */
  async recordDetail(id: string, detail: RunDetail): Promise<RunView> {
    const data = {
      status: detail.status,
      nativeStatus: detail.nativeStatus,
      steps: detail.steps as object[],
      startedAt: detail.startedAt ? new Date(detail.startedAt) : null,
      endedAt: detail.endedAt ? new Date(detail.endedAt) : null,
      updatedAt: new Date(),
    };
    const final = [...FINAL_STATUSES];
    const [updated] = await this.prisma.orchestratorRun.updateManyAndReturn({
      where: FINAL_STATUSES.has(detail.status) ? { id } : { id, status: { notIn: final } },
      data,
    });
    // already final: keep its state, take only the steps the orchestrator now reports
    const row =
      updated ??
      (await this.prisma.orchestratorRun.update({ where: { id }, data: { steps: data.steps, nativeStatus: data.nativeStatus, updatedAt: data.updatedAt } }));
    return toView(row);
  }

  /**
   * Lineage reported this run: remember which lineage run it is and, when lineage says it ended
   * before Gatehouse noticed, take that end (lineage is pushed; polling the orchestrator is the fallback).
   * Says whether the run exists and, when this ended it, the ended run.
   */
  async linkLineage(id: string, lineage: LineageState): Promise<{ found: boolean; ended: RunView | null }> {
    return this.prisma.$transaction(async (tx) => {
      const row = await tx.orchestratorRun.findUnique({ where: { id } });
      if (!row) return { found: false, ended: null };
      const ends = FINAL_STATUSES.has(lineage.status as RunStatus) && !FINAL_STATUSES.has(row.status as RunStatus);
      const updated = await tx.orchestratorRun.update({
        where: { id },
        data: {
          lineageRunId: lineage.lineageRunId,
          ...(ends ? { status: lineage.status, endedAt: lineage.endedAt, error: lineage.error ?? row.error } : {}),
          startedAt: row.startedAt ?? lineage.startedAt,
          updatedAt: new Date(),
        },
      });
      return { found: true, ended: ends ? toView(updated) : null };
    });
  }

  /** A run only lineage told Gatehouse about (a scheduled or manual run): recorded once, kept up to date. */
  async recordObserved(run: ObservedRun): Promise<{ run: RunView; ended: boolean }> {
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.orchestratorRun.findUnique({ where: { lineageRunId: run.lineageRunId } });
      const state = { status: run.status, startedAt: run.startedAt, endedAt: run.endedAt, error: run.error, updatedAt: new Date() };
      const row = before
        ? await tx.orchestratorRun.update({ where: { id: before.id }, data: FINAL_STATUSES.has(before.status as RunStatus) ? { updatedAt: new Date() } : state })
        : await tx.orchestratorRun.create({
            data: {
              id: run.lineageRunId,
              lineageRunId: run.lineageRunId,
              source: 'lineage',
              orchestrator: run.orchestrator,
              environment: run.environment,
              productName: run.productName,
              revision: null,
              target: run.target as object,
              requestedBy: 'lineage',
              requestedAt: run.startedAt ?? new Date(),
              ...state,
            },
          });
      const ended = FINAL_STATUSES.has(run.status as RunStatus) && !(before && FINAL_STATUSES.has(before.status as RunStatus));
      return { run: toView(row), ended };
    });
  }

  async recordFailure(id: string, message: string): Promise<void> {
    await this.prisma.orchestratorRun.update({ where: { id }, data: { status: 'failed', error: message, endedAt: new Date(), updatedAt: new Date() } });
  }

  /** The newest run of a product revision in an environment (the successful one if there is one). */
  async latestOfRevision(productName: string, environment: string, revision: number): Promise<RunView | null> {
    const where = { productName, environment, revision };
    const row =
      (await this.prisma.orchestratorRun.findFirst({ where: { ...where, status: 'succeeded' }, orderBy: { requestedAt: 'desc' } })) ??
      (await this.prisma.orchestratorRun.findFirst({ where, orderBy: { requestedAt: 'desc' } }));
    return row ? toView(row) : null;
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
        ...(query.products ? { productName: { in: query.products } } : {}),
        ...(query.environment ? { environment: query.environment } : {}),
        ...(query.orchestrator ? { orchestrator: query.orchestrator } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.source ? { source: query.source } : {}),
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
    source: row.source as RunSource,
    lineageRunId: row.lineageRunId,
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
