import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PrincipalsModule } from '../principals/principals.module';
import { ApiTokensController } from './api-tokens.controller';
import { ApiTokensService } from './api-tokens.service';
import { BearerGuard } from './bearer.guard';
import { MeController } from './me.controller';
import { SignInOptionsController } from './sign-in-options.controller';
import { OidcAuthenticator } from './oidc/oidc-authenticator';
import { SECRET_PRINTER, SecretPrinter, TokenService } from './token.service';
import { TokenRepository } from './token.repository';

const printToStdout: SecretPrinter = (text) => process.stdout.write(`${text}\n`);

@Module({})
export class AuthModule {
  static forRoot(printSecret: SecretPrinter = printToStdout): DynamicModule {
    return {
      module: AuthModule,
      imports: [PrincipalsModule],
      controllers: [ApiTokensController, MeController, SignInOptionsController],
      providers: [
        TokenRepository,
        TokenService,
        ApiTokensService,
        OidcAuthenticator,
        { provide: SECRET_PRINTER, useValue: printSecret },
        { provide: APP_GUARD, useClass: BearerGuard },
      ],
      exports: [TokenService],
    };
  }
}
