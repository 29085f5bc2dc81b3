import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { DenialRecorder } from './denial-recorder';

/** Global: every feature that changes state records it through AuditService; denials are recorded here. */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditRepository, AuditService, DenialRecorder],
  exports: [AuditService],
})
export class AuditModule {}
