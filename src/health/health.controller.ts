import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/public.decorator';
import { ApiJsonResponse } from '../common/validation/openapi';
import { DatabaseHealthService, DatabaseReadiness } from '../database/database-health.service';
import { HEALTH, READINESS } from './dto/health.openapi';

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly database: DatabaseHealthService) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process is up and serving HTTP' })
  @ApiJsonResponse(200, HEALTH)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: database reachable and every migration applied (503 otherwise)' })
  @ApiJsonResponse(200, READINESS, 'Ready')
  @ApiJsonResponse(503, READINESS, 'Not ready: the database does not answer or migrations are pending')
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<{ status: 'ready' | 'unready'; database: DatabaseReadiness }> {
    const database = await this.database.check();
    const ready = database.reachable && database.migrations.pending.length === 0;
    if (!ready) reply.status(503);
    return { status: ready ? 'ready' : 'unready', database };
  }
}
