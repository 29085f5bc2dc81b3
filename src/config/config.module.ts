import { Global, Module } from '@nestjs/common';
import { GatehouseConfig } from './config';

/** Injection token for the typed configuration object. */
export const CONFIG = Symbol('GATEHOUSE_CONFIG');

@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: GatehouseConfig) {
    return { module: ConfigModule, providers: [{ provide: CONFIG, useValue: config }], exports: [CONFIG] };
  }
}
