import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CLOCK, type Clock } from '@cogov/decider';
import { commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access, type Role } from '@cogov/security';
import {
  DefineGridCommand,
  FillGridPostCommand,
  GetGridQuery,
  GetGridTreeQuery,
  RecordPatrolFindingCommand,
  VacateGridPostCommand,
} from '../application/grids';
import { CreatedDto, DefineGridDto, FillGridPostDto, RecordPatrolFindingDto } from './dto';
import { CommunityInPath, GridInPath } from './scopes';
import { GridPostView, GridResponse, GridTreeNodeView, GridTreeResponse } from './views';

const GRID_KEEPERS: Role[] = ['platform-admin', 'residents-committee-staff'];
const GRID_READERS: Role[] = [...GRID_KEEPERS, 'party-staff', 'service-station-staff', 'auditor'];

/** 网格化管理: a community's zones, grids and basic grids, and the posts fixed to each. */
@ApiTags('residents-committee')
@ApiExtraModels(GridPostView, GridTreeNodeView)
@Controller()
export class GridController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('communities/:id/grids')
  @Access({ roles: GRID_KEEPERS, scope: CommunityInPath })
  @ApiOperation({ operationId: 'defineGrid', summary: 'Define a zone, grid or basic grid of the community' })
  @ApiCreatedResponse({ type: CreatedDto })
  define(
    @Param('id', ParseUUIDPipe) communityId: string,
    @Body() body: DefineGridDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new DefineGridCommand(
        {
          communityId,
          name: body.name,
          level: body.level,
          parentId: body.parentId ?? null,
          compoundIds: body.compoundIds ?? [],
          buildingIds: body.buildingIds ?? [],
        },
        this.context(meta),
      ),
    );
  }

  @Get('communities/:id/grids')
  @Access({ roles: GRID_READERS, scope: CommunityInPath })
  @ApiOperation({
    operationId: 'getGridTree',
    summary: 'The community’s zones, with their grids and basic grids',
  })
  @ApiOkResponse({ type: GridTreeResponse })
  tree(@Param('id', ParseUUIDPipe) communityId: string) {
    return this.queries.execute(new GetGridTreeQuery(communityId));
  }

  @Get('grids/:id')
  @Access({ roles: GRID_READERS, scope: GridInPath })
  @ApiOperation({ operationId: 'getGrid', summary: 'A grid, its compounds, buildings and posts' })
  @ApiOkResponse({ type: GridResponse })
  get(@Param('id', ParseUUIDPipe) gridId: string) {
    return this.queries.execute(new GetGridQuery(gridId));
  }

  @Post('grids/:id/posts')
  @Access({ roles: GRID_KEEPERS, scope: GridInPath })
  @ApiOperation({ operationId: 'fillGridPost', summary: 'Fix a person to a post of the grid (定人、定岗)' })
  @ApiCreatedResponse({ type: CreatedDto })
  fill(
    @Param('id', ParseUUIDPipe) gridId: string,
    @Body() body: FillGridPostDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new FillGridPostCommand(
        { gridId, post: body.post, holderKind: body.holderKind, holderId: body.holderId },
        this.context(meta),
      ),
    );
  }

  @Delete('grids/:id/posts/:postId')
  @HttpCode(204)
  @Access({ roles: GRID_KEEPERS, scope: GridInPath })
  @ApiOperation({ operationId: 'vacateGridPost', summary: 'Vacate a post of the grid' })
  @ApiNoContentResponse({ description: 'The post is vacant' })
  async vacate(
    @Param('id', ParseUUIDPipe) gridId: string,
    @Param('postId', ParseUUIDPipe) postId: string,
    @RequestMeta() meta: RequestMetadata,
  ): Promise<void> {
    await this.commands.execute(new VacateGridPostCommand({ gridId, postId }, this.context(meta)));
  }

  @Post('grids/:id/findings')
  @Access({ roles: ['residents-committee-staff'], scope: GridInPath, actsAs: { field: 'reporterId' } })
  @ApiOperation({
    operationId: 'recordPatrolFinding',
    summary: 'A grid worker’s patrol finding becomes an order (channel grid-patrol); answers its id',
  })
  @ApiCreatedResponse({ type: CreatedDto })
  recordFinding(
    @Param('id', ParseUUIDPipe) gridId: string,
    @Body() body: RecordPatrolFindingDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new RecordPatrolFindingCommand(
        {
          gridId,
          reporterId: body.reporterId,
          compoundId: body.compoundId,
          buildingId: body.buildingId ?? null,
          category: body.category,
          title: body.title,
          description: body.description,
        },
        this.context(meta),
      ),
    );
  }

  private context(meta: RequestMetadata) {
    return commandContext(meta, this.clock.now());
  }
}
