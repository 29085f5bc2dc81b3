import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiJsonResponse, namedSchema } from '../common/validation/openapi';
import type { GatehouseConfig } from '../config/config';
import { CONFIG } from '../config/config.module';
import { Public } from './public.decorator';

/** How a person may sign in to the console: always with an API token, and with OIDC when configured. */
export interface SignInOptions {
  token: true;
  oidc: { issuer: string; clientId: string; scopes: string } | null;
}

const SIGN_IN_OPTIONS = namedSchema('SignInOptions', {
  type: 'object',
  properties: {
    token: { const: true, description: 'An API token can always be pasted' },
    oidc: {
      description: "The OpenID provider and the console's public client, when single sign-on is configured",
      oneOf: [
        { type: 'null' },
        {
          type: 'object',
          properties: { issuer: { type: 'string', format: 'uri' }, clientId: { type: 'string' }, scopes: { type: 'string', description: 'Space-separated' } },
          required: ['issuer', 'clientId', 'scopes'],
        },
      ],
    },
  },
  required: ['token', 'oidc'],
});

@ApiTags('tokens')
@Public()
@Controller('api/v1/auth')
export class SignInOptionsController {
  constructor(@Inject(CONFIG) private readonly config: GatehouseConfig) {}

  /** Public: the console asks before anyone is signed in. Names no secret. */
  @Get('options')
  @ApiOperation({ summary: 'How to sign in: API token, and the OpenID provider and client id of single sign-on when configured' })
  @ApiJsonResponse(200, SIGN_IN_OPTIONS)
  options(): SignInOptions {
    const oidc = this.config.oidc;
    return { token: true, oidc: oidc?.consoleClientId ? { issuer: oidc.issuer, clientId: oidc.consoleClientId, scopes: oidc.consoleScopes } : null };
  }
}
