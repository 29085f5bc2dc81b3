import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../policy/authorize.decorator';
import { ZodPipe } from '../common/validation/zod.pipe';
import { SLUG } from '../catalog/manifest/manifest.schema';
import { z } from 'zod';
import { OrchestratorsService, OrchestratorStatus, SyncResult } from './orchestrators.service';

const nameParam = new ZodPipe(z.string().regex(SLUG, 'must be an orchestrator name'));
const dagIdParam = new ZodPipe(z.string().regex(/^[A-Za-z0-9_.-]{1,250}$/, 'must be an Airflow dag_id'));

@ApiTags('orchestrators')
@ApiBearerAuth()
@Controller('api/v1/orchestrators')
export class OrchestratorsController {
  constructor(private readonly orchestrators: OrchestratorsService) {}

  @Get()
  @Authorize('read', 'Orchestrator')
  @ApiOperation({ summary: 'Configured orchestrator instances with live health and version' })
  async list(): Promise<{ items: OrchestratorStatus[] }> {
    return { items: await this.orchestrators.list() };
  }

  @Post(':name/sync')
  @HttpCode(200)
  @Authorize('sync', 'Orchestrator')
  @ApiOperation({ summary: 'Discover DAGs or assets: each with its bound data product, or a proposed manifest to apply' })
  sync(@Param('name', nameParam) name: string): Promise<SyncResult> {
    return this.orchestrators.sync(name);
  }

  @Post(':name/dags/:dagId/pause')
  @HttpCode(200)
  @Authorize('trigger', 'Orchestrator')
  @ApiOperation({ summary: 'Pause an Airflow DAG (audited)' })
  pause(@Param('name', nameParam) name: string, @Param('dagId', dagIdParam) dagId: string) {
    return this.orchestrators.setPaused(name, dagId, true);
  }

  @Post(':name/dags/:dagId/unpause')
  @HttpCode(200)
  @Authorize('trigger', 'Orchestrator')
  @ApiOperation({ summary: 'Unpause an Airflow DAG so that triggered runs start (an explicit, audited choice)' })
  unpause(@Param('name', nameParam) name: string, @Param('dagId', dagIdParam) dagId: string) {
    return this.orchestrators.setPaused(name, dagId, false);
  }
}
