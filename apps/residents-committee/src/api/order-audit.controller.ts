import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { ApiQueryFrom } from '@cogov/http';
import { Access } from '@cogov/security';
import { GetOrderChainAtQuery } from '../application/order-queries';
import { OrderInPath } from './scopes';
import { OrderChainResponse } from './views';

export class ChainAtQueryDto {
  @JSONSchema({ description: 'A moment (ISO 8601): the events recorded at or before it are replayed' })
  @IsISO8601({ strict: true })
  at!: string;
}

/** For auditors: an order's chain view as it was at a past moment (issue 14). */
@ApiTags('audit')
@Controller('audit/orders')
export class OrderAuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Access({ roles: ['platform-admin', 'auditor'], scope: OrderInPath })
  @ApiOperation({
    operationId: 'getOrderChainAt',
    summary: 'The chain view as it was at `at`: the projection replayed in memory over the order’s events',
  })
  @ApiQueryFrom(ChainAtQueryDto)
  @ApiOkResponse({ type: OrderChainResponse })
  chainAt(@Param('id', ParseUUIDPipe) orderId: string, @Query() query: ChainAtQueryDto) {
    return this.queries.execute(new GetOrderChainAtQuery(orderId, new Date(query.at)));
  }
}
