import { Module } from '@nestjs/common';
import { ConsoleSettingsController } from './console-settings.controller';

/** The console's own API (its pages are served by console-routes.ts, outside Nest's routing). */
@Module({ controllers: [ConsoleSettingsController] })
export class ConsoleModule {}
