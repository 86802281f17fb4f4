import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, type Role } from '@cogov/security';
import { CommunityInPath, CompoundInPath, StreetInPath } from '../../places/places.scopes';
import { GetCommunityLinkageQuery, GetCompoundLinkageQuery, GetStreetLinkageQuery } from '../linkage.queries';
import {
  CommunityLinkageResponse,
  CompoundLinkageResponse,
  LINKAGE_EXTRA_MODELS,
  StreetLinkageResponse,
} from './linkage.views';

/** Who governs by the linkage boards; a street's leaders are staff with a `streets` claim. */
export const LINKAGE_READERS: Role[] = [
  'platform-admin',
  'party-staff',
  'residents-committee-staff',
  'owners-committee-staff',
  'service-station-staff',
  'auditor',
];

/**
 * 六方联动: the six linked parties of a compound, a community and a street, from published facts
 * only (ADR 30). Out of the caller's scope, or unknown to the boards, answers 404.
 */
@ApiTags('boards')
@ApiExtraModels(...LINKAGE_EXTRA_MODELS)
@Controller('linkage')
export class LinkageController {
  constructor(private readonly queries: QueryBus) {}

  @Get('compounds/:id')
  @Access({ roles: LINKAGE_READERS, scope: CompoundInPath })
  @ApiOperation({
    operationId: 'getCompoundLinkage',
    summary: 'The six-party linkage (六方联动) of a compound: who holds each post, compliance, orders, tasks',
  })
  @ApiOkResponse({ type: CompoundLinkageResponse })
  compound(@Param('id', ParseUUIDPipe) compoundId: string) {
    return this.queries.execute(new GetCompoundLinkageQuery(compoundId));
  }

  @Get('communities/:id')
  @Access({ roles: LINKAGE_READERS, scope: CommunityInPath })
  @ApiOperation({
    operationId: 'getCommunityLinkage',
    summary: 'The six-party linkage of a community: its compounds and their compliance counts',
  })
  @ApiOkResponse({ type: CommunityLinkageResponse })
  community(@Param('id', ParseUUIDPipe) communityId: string) {
    return this.queries.execute(new GetCommunityLinkageQuery(communityId));
  }

  @Get('streets/:id')
  @Access({ roles: LINKAGE_READERS, scope: StreetInPath })
  @ApiOperation({
    operationId: 'getStreetLinkage',
    summary: 'The six-party linkage of a street: its communities rolled up from their compounds',
  })
  @ApiOkResponse({ type: StreetLinkageResponse })
  street(@Param('id', ParseUUIDPipe) streetId: string) {
    return this.queries.execute(new GetStreetLinkageQuery(streetId));
  }
}
