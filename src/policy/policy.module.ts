import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AccessControl } from './access-control';
import { PolicyEvaluationService } from './policy-evaluation.service';
import { PolicyController } from './policy.controller';
import { PolicyGuard } from './policy.guard';
import { PolicyService } from './policy.service';
import { SubjectResolvers } from './subject-resolvers';

/** Global: every feature enforces policy through AccessControl and PolicyService. */
@Global()
@Module({
  controllers: [PolicyController],
  providers: [PolicyService, AccessControl, SubjectResolvers, PolicyEvaluationService, { provide: APP_GUARD, useClass: PolicyGuard }],
  exports: [PolicyService, AccessControl, SubjectResolvers],
})
export class PolicyModule {}
