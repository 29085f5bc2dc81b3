import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiJsonResponse, ApiZodBody } from '../common/validation/openapi';
import { ZodPipe } from '../common/validation/zod.pipe';
import { Authorize } from './authorize.decorator';
import { EvaluateRequest, evaluateRequest } from './dto/evaluate.dto';
import { POLICY_EVALUATION, POLICY_RELOAD, POLICY_SET } from './dto/policy.openapi';
import { Evaluation, PolicyEvaluationService } from './policy-evaluation.service';
import { PolicyService, ReloadResult } from './policy.service';

@ApiTags('policy')
@ApiBearerAuth()
@Controller('api/v1')
export class PolicyController {
  constructor(
    private readonly policies: PolicyService,
    private readonly evaluation: PolicyEvaluationService,
  ) {}

  @Get('policies')
  @Authorize('read', 'Policy')
  @ApiOperation({ summary: 'The active policy set: version, roles and their rules, promotion gates' })
  @ApiJsonResponse(200, POLICY_SET)
  active() {
    const set = this.policies.current;
    return {
      version: set.version,
      loadedAt: set.loadedAt,
      directory: set.directory,
      files: set.files,
      roles: [...set.roles.values()],
      gates: Object.fromEntries(set.gates),
    };
  }

  @Post('policies/reload')
  @HttpCode(200)
  @Authorize('reload', 'Policy')
  @ApiOperation({ summary: 'Reload the policy folder; an invalid set is refused (422) and the active one stays' })
  @ApiJsonResponse(200, POLICY_RELOAD)
  reload(): Promise<ReloadResult> {
    return this.policies.reload();
  }

  @Post('policy/evaluate')
  @HttpCode(200)
  @Authorize('evaluate', 'Policy')
  @ApiOperation({ summary: 'May principal P do action A on this resource? With the rules that matched and why' })
  @ApiZodBody(evaluateRequest)
  @ApiJsonResponse(200, POLICY_EVALUATION)
  evaluate(@Body(new ZodPipe(evaluateRequest)) body: EvaluateRequest): Promise<Evaluation> {
    return this.evaluation.evaluate(body);
  }
}
