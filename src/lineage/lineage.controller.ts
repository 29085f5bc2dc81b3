import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import type { Principal } from '../auth/principal';
import { ApiJsonResponse, ApiZodQuery } from '../common/validation/openapi';
import { ZodPipe } from '../common/validation/zod.pipe';
import { Authorize } from '../policy/authorize.decorator';
import { LineageQuery, lineageQuery, NeighboursQuery, neighboursQuery, PathQuery, pathQuery } from './dto/lineage.dto';
import { INGEST_REPORT, LINEAGE_GRAPH, LINEAGE_NEIGHBOURS, LINEAGE_PATH } from './dto/lineage.openapi';
import { LineageGraph, LineageGraphService, LineagePath, Neighbours } from './graph/lineage-graph.service';
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

  @Get('neighbours')
  @Authorize('read', 'Lineage')
  @ApiOperation({
    summary: 'The direct neighbours of a node in one direction, filtered and paged',
    description: 'For fan-outs too large to draw at once: `total` counts the neighbours matching `q` (a case-insensitive substring of namespace or name); each item is a graph node with the same details as in `GET /api/v1/lineage` and only its edge to the node asked about.',
  })
  @ApiZodQuery(neighboursQuery)
  @ApiJsonResponse(200, LINEAGE_NEIGHBOURS)
  neighbours(@Query(new ZodPipe(neighboursQuery)) query: NeighboursQuery): Promise<Neighbours> {
    return this.graph.neighbours(query);
  }

  @Get('path')
  @Authorize('read', 'Lineage')
  @ApiOperation({
    summary: 'A shortest directed path between two nodes',
    description: 'Downstream from `from` first, else upstream; `found: false` when they are not connected within `maxDepth` edges. A symlink identity is read as its dataset.',
  })
  @ApiZodQuery(pathQuery)
  @ApiJsonResponse(200, LINEAGE_PATH)
  path(@Query(new ZodPipe(pathQuery)) query: PathQuery): Promise<LineagePath> {
    return this.graph.path(query.from, query.to, query.maxDepth);
  }
}
