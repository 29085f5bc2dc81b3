import { Module } from '@nestjs/common';
import { PrincipalRepository } from './principal.repository';
import { PrincipalsController } from './principals.controller';
import { PrincipalsService } from './principals.service';

/** People and service accounts. AuthModule imports it to resolve who a token or JWT belongs to. */
@Module({
  controllers: [PrincipalsController],
  providers: [PrincipalRepository, PrincipalsService],
  exports: [PrincipalsService],
})
export class PrincipalsModule {}
