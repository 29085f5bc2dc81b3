import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiJsonResponse } from '../common/validation/openapi';
import { AnyPrincipal } from '../policy/authorize.decorator';
import { PRINCIPAL } from '../principals/dto/principals.openapi';
import { CurrentPrincipal } from './current-principal.decorator';
import type { Principal } from './principal';

@ApiTags('tokens')
@ApiBearerAuth()
@Controller('api/v1/me')
export class MeController {
  /** Lets a caller check what Gatehouse made of its token or JWT: id, kind, teams and roles. */
  @Get()
  @AnyPrincipal()
  @ApiOperation({ summary: 'The authenticated principal: id, name, kind (person, service or bootstrap), teams and roles' })
  @ApiJsonResponse(200, PRINCIPAL)
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }
}
