import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiJsonResponse, ApiZodQuery } from '../common/validation/openapi';
import { ZodPipe } from '../common/validation/zod.pipe';
import { Authorize } from '../policy/authorize.decorator';
import { LineageQuery, lineageQuery } from './dto/lineage.dto';
import { INGEST_REPORT, LINEAGE_GRAPH } from './dto/lineage.openapi';
import { LineageGraph, LineageGraphService } from './graph/lineage-graph.service';
import { IngestReport, LineageIngestService, MAX_BATCH } from './ingest/lineage-ingest.service';

@ApiTags('lineage')
@ApiBearerAuth()
@Controller('api/v1/lineage')
export class LineageController {
  constructor(
    private readonly ingestion: LineageIngestService,
    private readonly graph: LineageGraphService,
  ) {}

  @Post()
  @HttpCode(200)
  @Authorize('ingest', 'Lineage')
  @ApiOperation({
    summary: 'Ingest one OpenLineage event or a JSON array of them (gzip accepted)',
    description: 'Validated whole: an invalid item rejects the batch (400, each problem at its JSON path) and nothing is stored. Idempotent: a redelivered event is counted as a duplicate and changes nothing.',
  })
  @ApiBody({
    description: 'A RunEvent, DatasetEvent or JobEvent of the OpenLineage 2-0-x spec (https://openlineage.io/spec/2-0-2/OpenLineage.json), or a non-empty array of them',
    schema: {
      oneOf: [
        { type: 'object', required: ['eventTime', 'producer', 'schemaURL'] },
        { type: 'array', minItems: 1, maxItems: MAX_BATCH, items: { type: 'object', required: ['eventTime', 'producer', 'schemaURL'] } },
      ],
    },
  })
  @ApiJsonResponse(200, INGEST_REPORT, 'Every event stored, or stored before (duplicates)')
  ingest(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<IngestReport> {
    return this.ingestion.ingestBody(body, principal.id);
  }

  @Get()
  @Authorize('read', 'Lineage')
  @ApiOperation({ summary: "The lineage graph around a node, in Marquez's shape ({graph: [{id, type, data, inEdges, outEdges}]})" })
  @ApiZodQuery(lineageQuery)
  @ApiJsonResponse(200, LINEAGE_GRAPH)
  lineage(@Query(new ZodPipe(lineageQuery)) query: LineageQuery): Promise<LineageGraph> {
    return this.graph.lineage(query);
  }
}
