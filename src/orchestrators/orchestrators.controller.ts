import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../policy/authorize.decorator';
import { SLUG } from '../catalog/manifest/manifest.schema';
import { z } from 'zod';
import { OrchestratorsService, OrchestratorStatus, SyncResult } from './orchestrators.service';
import { ZodParam } from '../common/validation/zod-param.decorator';
import { ApiJsonResponse } from '../common/validation/openapi';
import { DISCOVERED_DAG, ORCHESTRATOR_LIST, SYNC_REPORT } from './dto/orchestrators.openapi';

const orchestratorName = z.string().regex(SLUG, 'must be an orchestrator name');
const airflowDagId = z.string().regex(/^[A-Za-z0-9_.-]{1,250}$/, 'must be an Airflow dag_id');

@ApiTags('orchestrators')
@ApiBearerAuth()
@Controller('api/v1/orchestrators')
export class OrchestratorsController {
  constructor(private readonly orchestrators: OrchestratorsService) {}

  @Get()
  @Authorize('read', 'Orchestrator')
  @ApiOperation({ summary: 'Configured orchestrator instances with live health and version' })
  @ApiJsonResponse(200, ORCHESTRATOR_LIST)
  async list(): Promise<{ items: OrchestratorStatus[] }> {
    return { items: await this.orchestrators.list() };
  }

  @Post(':name/sync')
  @HttpCode(200)
  @Authorize('sync', 'Orchestrator')
  @ApiOperation({ summary: 'Discover DAGs or assets: each with its bound data product, or a proposed manifest to apply' })
  @ApiJsonResponse(200, SYNC_REPORT)
  sync(@ZodParam('name', orchestratorName) name: string): Promise<SyncResult> {
    return this.orchestrators.sync(name);
  }

  @Post(':name/dags/:dagId/pause')
  @HttpCode(200)
  @Authorize('trigger', 'Orchestrator')
  @ApiOperation({ summary: 'Pause an Airflow DAG (audited)' })
  @ApiJsonResponse(200, DISCOVERED_DAG, 'The DAG as Airflow now has it')
  pause(@ZodParam('name', orchestratorName) name: string, @ZodParam('dagId', airflowDagId) dagId: string) {
    return this.orchestrators.setPaused(name, dagId, true);
  }

  @Post(':name/dags/:dagId/unpause')
  @HttpCode(200)
  @Authorize('trigger', 'Orchestrator')
  @ApiOperation({ summary: 'Unpause an Airflow DAG so that triggered runs start (an explicit, audited choice)' })
  @ApiJsonResponse(200, DISCOVERED_DAG, 'The DAG as Airflow now has it')
  unpause(@ZodParam('name', orchestratorName) name: string, @ZodParam('dagId', airflowDagId) dagId: string) {
    return this.orchestrators.setPaused(name, dagId, false);
  }
}
