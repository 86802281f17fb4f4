import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, type Clock } from '@cogov/decider';
import { ApiQueryFrom, commandContext, RequestMeta, type RequestMetadata } from '@cogov/http';
import { VisibleScopes } from '../application/visible-scope';
import { Access, Caller, type Principal, type Role } from '@cogov/security';
import { CompoundInBody, OrderInPath } from './scopes';
import { DispatchOrderCommand } from '../application/dispatch-order';
import { GetOrderChainQuery, ListOrdersQuery } from '../application/order-queries';
import { PlaceOrderCommand } from '../application/place-order';
import { RateOrderCommand } from '../application/rate-order';
import { AcknowledgeOrderCommand } from '../application/acknowledge-order';
import { WhistleOrderCommand } from '../application/whistle-order';
import {
  AcknowledgeOrderDto,
  CreatedDto,
  DispatchOrderDto,
  ListOrdersQueryDto,
  PlaceOrderDto,
  RateOrderDto,
  WhistleOrderDto,
} from './dto';
import { OrderChainResponse, OrderPageResponse } from './views';

/**
 * The residents' committee's steps of the five-order chain, and the chain view. The person named
 * in a command is recorded as its actor (authentication will bind them to the caller).
 */
/** Everyone who follows orders; residents only see their own (ownOnly). */
export const ORDER_READERS: Role[] = [
  'platform-admin',
  'auditor',
  'party-staff',
  'residents-committee-staff',
  'owners-committee-staff',
  'property-staff',
  'building-leader',
  'service-station-staff',
  'party-member',
  'resident',
  'partner-system',
];

@ApiTags('five-order chain')
@Controller('orders')
export class OrderController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly visible: VisibleScopes,
  ) {}

  @Post()
  @Access({
    roles: ['resident', 'service-station-staff', 'building-leader', 'residents-committee-staff'],
    scope: CompoundInBody,
    // A resident orders for themself; the station, a building leader or staff take orders for them.
    actsAs: {
      field: 'residentId',
      onBehalfOf: ['service-station-staff', 'building-leader', 'residents-committee-staff'],
    },
  })
  @ApiOperation({ operationId: 'placeOrder', summary: '居民点单: a resident places an order' })
  @ApiCreatedResponse({ type: CreatedDto, description: 'The order’s id' })
  place(@Body() body: PlaceOrderDto, @RequestMeta() meta: RequestMetadata) {
    return this.commands.execute(
      new PlaceOrderCommand(
        { ...body, buildingId: body.buildingId ?? null },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post(':id/dispatch')
  @Access({
    roles: ['residents-committee-staff', 'service-station-staff'],
    scope: OrderInPath,
    actsAs: { field: 'dispatcherId' },
  })
  @HttpCode(200)
  @ApiOperation({ operationId: 'dispatchOrder', summary: '社区派单: the community dispatches the order' })
  @ApiOkResponse({ type: CreatedDto, description: 'The order’s id' })
  dispatch(
    @Param('id', ParseUUIDPipe) orderId: string,
    @Body() body: DispatchOrderDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new DispatchOrderCommand({ orderId, ...body }, commandContext(meta, this.clock.now())),
    );
  }

  @Post(':id/whistle')
  @Access({
    roles: ['residents-committee-staff', 'service-station-staff'],
    scope: OrderInPath,
    actsAs: { field: 'whistlerId' },
  })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'whistleOrder',
    summary: '吹哨: a matter beyond the community goes to a department of its street, in place of a dispatch',
  })
  @ApiOkResponse({ type: CreatedDto, description: 'The order’s id' })
  whistle(
    @Param('id', ParseUUIDPipe) orderId: string,
    @Body() body: WhistleOrderDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new WhistleOrderCommand(
        {
          orderId,
          whistlerId: body.whistlerId,
          departmentId: body.departmentId,
          level: body.level,
          reason: body.reason,
        },
        commandContext(meta, this.clock.now()),
      ),
    );
  }

  @Post(':id/acknowledge')
  @Access({ roles: ['residents-committee-staff'], scope: OrderInPath, actsAs: { field: 'staffId' } })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'acknowledgeOrder',
    summary: '受理: staff or a grid worker answers the resident before the review (once)',
  })
  @ApiOkResponse({ type: CreatedDto, description: 'The order’s id' })
  acknowledge(
    @Param('id', ParseUUIDPipe) orderId: string,
    @Body() body: AcknowledgeOrderDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new AcknowledgeOrderCommand({ orderId, ...body }, commandContext(meta, this.clock.now())),
    );
  }

  @Post(':id/rating')
  @Access({
    // A patrol finding's reporter (committee staff, as themselves) checks its result.
    roles: ['resident', 'service-station-staff', 'residents-committee-staff'],
    scope: OrderInPath,
    ownOnly: ['resident'],
    // The service station records ratings given by phone.
    actsAs: { field: 'raterId', onBehalfOf: ['service-station-staff'] },
  })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'rateOrder',
    summary:
      '党群评单: the resident rates the result (a patrol finding: the grid worker who reported it); 2 or less reopens it',
  })
  @ApiOkResponse({ type: CreatedDto, description: 'The order’s id' })
  rate(
    @Param('id', ParseUUIDPipe) orderId: string,
    @Body() body: RateOrderDto,
    @RequestMeta() meta: RequestMetadata,
  ) {
    return this.commands.execute(
      new RateOrderCommand({ orderId, ...body }, commandContext(meta, this.clock.now())),
    );
  }

  @Get(':id')
  @Access({ roles: ORDER_READERS, scope: OrderInPath, ownOnly: ['resident'] })
  @ApiOperation({
    operationId: 'getOrderChain',
    summary: 'The chain view: stage, round, stream id and every step with its time, actor and duration',
  })
  @ApiOkResponse({ type: OrderChainResponse })
  chain(@Param('id', ParseUUIDPipe) orderId: string) {
    return this.queries.execute(new GetOrderChainQuery(orderId));
  }

  @Get()
  @Access({ roles: ORDER_READERS.filter((role) => role !== 'resident') })
  @ApiOperation({ operationId: 'listOrders', summary: 'Orders within the caller’s scope, newest first' })
  @ApiQueryFrom(ListOrdersQueryDto)
  @ApiOkResponse({ type: OrderPageResponse })
  async list(@Query() query: ListOrdersQueryDto, @Caller() caller: Principal) {
    return this.queries.execute(
      new ListOrdersQuery({
        ...(query.stage ? { stage: query.stage } : {}),
        ...(query.compoundId ? { compoundId: query.compoundId } : {}),
        page: query.page ?? 1,
        pageSize: query.pageSize ?? 20,
        within: await this.visible.of(caller),
      }),
    );
  }
}
