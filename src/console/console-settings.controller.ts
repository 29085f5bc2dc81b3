import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiJsonResponse } from '../common/validation/openapi';
import type { GatehouseConfig } from '../config/config';
import { CONFIG } from '../config/config.module';
import { AnyPrincipal } from '../policy/authorize.decorator';
import { CONSOLE_SETTINGS } from './dto/console-settings.openapi';

/** Settings the console's pages follow. */
export interface ConsoleSettings {
  lineageMaxNodes: number;
}

@ApiTags('console')
@ApiBearerAuth()
@Controller('api/v1/console')
export class ConsoleSettingsController {
  constructor(@Inject(CONFIG) private readonly config: GatehouseConfig) {}

  @Get('settings')
  @AnyPrincipal()
  @ApiOperation({ summary: 'Settings the console follows, such as how many lineage nodes it draws at once' })
  @ApiJsonResponse(200, CONSOLE_SETTINGS)
  settings(): ConsoleSettings {
    return { lineageMaxNodes: this.config.lineageViewMaxNodes };
  }
}
