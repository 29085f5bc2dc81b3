import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { BearerGuard } from './bearer.guard';
import { SECRET_PRINTER, SecretPrinter } from './token.service';
import { TokenRepository } from './token.repository';
import { TokenService } from './token.service';

const printToStdout: SecretPrinter = (text) => process.stdout.write(`${text}\n`);

@Module({})
export class AuthModule {
  static forRoot(printSecret: SecretPrinter = printToStdout): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        TokenRepository,
        TokenService,
        { provide: SECRET_PRINTER, useValue: printSecret },
        { provide: APP_GUARD, useClass: BearerGuard },
      ],
      exports: [TokenService],
    };
  }
}
