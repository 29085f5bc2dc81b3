import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiJsonResponse, ApiZodQuery } from '../common/validation/openapi';
import { ZodPipe } from '../common/validation/zod.pipe';
import { Authorize } from '../policy/authorize.decorator';
import { AuditService, VerifyReport } from './audit.service';
import { AUDIT_ENTRY_PAGE, AUDIT_VERIFY_REPORT } from './dto/audit.openapi';
import { AuditEntryView, toAuditEntryView } from './dto/audit-entry.view';
import { encodeCursor, listAuditQuery, ListAuditQuery } from './dto/audit-query.dto';

interface AuditListResponse {
  items: AuditEntryView[];
  nextCursor: string | null;
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Authorize('read', 'AuditEntry')
  @ApiOperation({ summary: 'Audit entries, newest first, filtered by principal, subject, action, outcome and time (cursor pagination)' })
  @ApiZodQuery(listAuditQuery)
  @ApiJsonResponse(200, AUDIT_ENTRY_PAGE)
  async list(@Query(new ZodPipe(listAuditQuery)) query: ListAuditQuery): Promise<AuditListResponse> {
    const { cursor, ...filters } = query;
    const page = await this.audit.list({ ...filters, before: cursor });
    return { items: page.items.map(toAuditEntryView), nextCursor: encodeCursor(page.next === null ? null : page.next.toString()) };
  }

  @Get('verify')
  @Authorize('read', 'AuditEntry')
  @ApiOperation({ summary: 'Recompute the hash chain; report the first entry that was altered, removed or inserted' })
  @ApiJsonResponse(200, AUDIT_VERIFY_REPORT)
  verify(): Promise<VerifyReport> {
    return this.audit.verify();
  }
}
