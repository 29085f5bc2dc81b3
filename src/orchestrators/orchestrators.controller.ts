import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authorize } from '../policy/authorize.decorator';
import { ZodPipe } from '../common/validation/zod.pipe';
import { SLUG } from '../catalog/manifest/manifest.schema';
import { z } from 'zod';
import { OrchestratorsService, OrchestratorStatus, SyncResult } from './orchestrators.service';

const nameParam = new ZodPipe(z.string().regex(SLUG, 'must be an orchestrator name'));

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
}
