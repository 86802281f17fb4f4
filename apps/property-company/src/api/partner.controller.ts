import { Body, Controller, Delete, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CLOCK, type Clock, RuleViolation } from '@cogov/decider';
import { commandContext, keyedByBody, RequestMeta, type RequestMetadata } from '@cogov/http';
import { Access, Caller, type Principal } from '@cogov/security';
import {
  ListDeliveriesQuery,
  ListWebhooksQuery,
  RedeliverCommand,
  RegisterWebhookCommand,
  RemoveWebhookCommand,
} from '../application/partner-webhooks';
import { WorkOnOrderCommand } from '../application/work-on-order';
import {
  DeliveryResponse,
  PartnerEventDto,
  PartnerEventResponse,
  RedeliverDto,
  RegisterWebhookDto,
  WebhookRegisteredResponse,
  WebhookResponse,
} from './partner-dto';
import { stepOf } from './partner-events';

const EVENTS_PATH = '/api/partner/events';
const DELIVERIES_LISTED = 100;

/**
 * A partner property company's system, through its key: its webhooks and their delivery log,
 * and its own facts about its orders as CloudEvents. Everything is its own company's: the
 * company is the key's, never a parameter.
 */
@ApiTags('partner')
@Controller('partner')
export class PartnerController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('webhooks')
  @Access({ roles: ['partner-system'] })
  @ApiOperation({
    operationId: 'registerPartnerWebhook',
    summary: 'Register a webhook for the company’s events; the signing secret is in this answer only',
  })
  @ApiCreatedResponse({ type: WebhookRegisteredResponse })
  register(@Body() body: RegisterWebhookDto, @Caller() caller: Principal) {
    return this.commands.execute(
      new RegisterWebhookCommand(companyOf(caller), body.url, caller.keyId ?? null),
    );
  }

  @Get('webhooks')
  @Access({ roles: ['partner-system'] })
  @ApiOperation({
    operationId: 'listPartnerWebhooks',
    summary: 'The company’s webhooks (never their secrets)',
  })
  @ApiOkResponse({ type: [WebhookResponse] })
  webhooks(@Caller() caller: Principal) {
    return this.queries.execute(new ListWebhooksQuery(companyOf(caller)));
  }

  @Delete('webhooks/:id')
  @Access({ roles: ['partner-system'] })
  @HttpCode(204)
  @ApiOperation({
    operationId: 'removePartnerWebhook',
    summary: 'Remove a webhook; its pending deliveries fail (to rotate a secret: register anew, then remove)',
  })
  @ApiNoContentResponse({ description: 'Removed' })
  async remove(@Param('id', ParseUUIDPipe) webhookId: string, @Caller() caller: Principal): Promise<void> {
    await this.commands.execute(new RemoveWebhookCommand(companyOf(caller), webhookId));
  }

  @Get('webhooks/deliveries')
  @Access({ roles: ['partner-system'] })
  @ApiOperation({
    operationId: 'listPartnerWebhookDeliveries',
    summary: 'The delivery log of the company’s webhooks, newest first (the last 100)',
  })
  @ApiOkResponse({ type: [DeliveryResponse] })
  deliveries(@Caller() caller: Principal) {
    return this.queries.execute(new ListDeliveriesQuery(companyOf(caller), DELIVERIES_LISTED));
  }

  @Post('webhooks/deliveries/:id/redeliver')
  @Access({ roles: ['partner-system'] })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'redeliverPartnerWebhook',
    summary: 'Send a delivery again, now (by default with a fresh round of retries)',
  })
  @ApiOkResponse({ type: DeliveryResponse })
  redeliver(
    @Param('id', ParseUUIDPipe) deliveryId: string,
    @Body() body: RedeliverDto,
    @Caller() caller: Principal,
  ) {
    return this.commands.execute(
      new RedeliverCommand(companyOf(caller), deliveryId, body.freshRound ?? true),
    );
  }

  @Post('events')
  @Access({ roles: ['partner-system'] })
  @HttpCode(200)
  @ApiOperation({
    operationId: 'sendPartnerEvent',
    summary:
      'A CloudEvent (structured mode) of the company’s work on an order: order-work.accepted, .arrived, .completed, .handed-back',
  })
  @ApiOkResponse({ type: PartnerEventResponse })
  async event(
    @Body() body: PartnerEventDto,
    @Caller() caller: Principal,
    @RequestMeta() meta: RequestMetadata,
  ): Promise<PartnerEventResponse> {
    const step = stepOf(body, companyOf(caller), caller.personId);
    // The CloudEvent's id is its idempotency key, per source, as an Idempotency-Key header would be.
    const keyed = keyedByBody(meta, { method: 'POST', path: EVENTS_PATH, body }, body.id, body.source);
    const { id } = await this.commands.execute(
      new WorkOnOrderCommand(step, commandContext(keyed, this.clock.now())),
    );
    return { eventId: body.id, orderId: id };
  }
}

/** The key's company; a token that names no company has no partner routes to use. */
function companyOf(caller: Principal): string {
  const companyId =
    caller.companyId ?? (caller.personId.startsWith('partner:') ? caller.personId.slice(8) : null);
  if (!companyId) {
    throw new RuleViolation('only a property company’s partner system has webhooks and partner events', {
      personId: caller.personId,
    });
  }
  return companyId;
}
