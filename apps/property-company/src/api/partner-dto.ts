import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { PARTNER_EVENT_TYPES, type PartnerEventType } from '@cogov/contracts';
import { FreeText } from '@cogov/http';

export class RegisterWebhookDto {
  @JSONSchema({
    description: 'Where the company’s events are POSTed; in production https and a public address',
    example: 'https://tickets.evergreen.example/cogov/webhook',
  })
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'], require_tld: false })
  @Length(1, 2000)
  url!: string;
}

export class WebhookRegisteredResponse {
  @ApiProperty({ format: 'uuid' }) webhookId!: string;
  @ApiProperty() url!: string;
  @ApiProperty({
    description: 'The signing secret, shown this once: keep it, it cannot be read again',
    example: 'whsec_…',
  })
  secret!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class WebhookResponse {
  @ApiProperty({ format: 'uuid' }) webhookId!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DeliveryResponse {
  @ApiProperty({ format: 'uuid' }) deliveryId!: string;
  @ApiProperty({ format: 'uuid' }) webhookId!: string;
  @ApiProperty({ description: 'The integration event’s id: a receiver de-duplicates by it' })
  eventId!: string;
  @ApiProperty({ example: 'residents-committee.order-dispatched' }) eventType!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status!: string;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deliveredAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class RedeliverDto {
  @JSONSchema({
    description:
      'true (the default): a fresh round of retries; false: only the next attempt moves to now, the round’s count stays',
    example: true,
  })
  @IsOptional()
  @IsBoolean()
  freshRound?: boolean;
}

export { PARTNER_EVENT_TYPES, type PartnerEventType };

export class PartnerEventDataDto {
  @IsUUID() orderId!: string;

  @JSONSchema({ description: 'accepted, arrived: what the company says', example: 'On site' })
  @IsOptional()
  @FreeText()
  @Length(1, 1000)
  note?: string;

  @JSONSchema({ description: 'completed: required', example: 'Replaced the joint' })
  @IsOptional()
  @FreeText()
  @Length(1, 4000)
  resultNote?: string;

  @JSONSchema({ description: 'completed: links to photos', example: ['https://evidence.example/p.jpg'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUrl({ require_protocol: true, protocols: ['http', 'https'] }, { each: true })
  evidence?: string[];

  @JSONSchema({ description: 'handed-back: required', example: 'Needs the gas company' })
  @IsOptional()
  @FreeText()
  @Length(1, 1000)
  reason?: string;
}

/** A CloudEvents 1.0 event in structured mode: the partner system's own fact about an order. */
export class PartnerEventDto {
  @JSONSchema({ example: '1.0' })
  @IsIn(['1.0'], { message: 'specversion must be 1.0' })
  specversion!: string;

  @JSONSchema({
    description: 'Unique per source: the same id again is the same event (answered, not applied twice)',
    example: 'evt-20261202-0001',
  })
  @IsString()
  @Length(1, 128)
  id!: string;

  @JSONSchema({ example: 'urn:evergreen:tickets' }) @IsString() @Length(1, 500) source!: string;

  @JSONSchema({ enum: [...PARTNER_EVENT_TYPES], example: 'order-work.accepted' })
  @IsIn(PARTNER_EVENT_TYPES, {
    message: ({ value }) =>
      `type ${JSON.stringify(value)} is not one the platform accepts: ${PARTNER_EVENT_TYPES.join(', ')}`,
  })
  type!: PartnerEventType;

  @IsOptional() @IsDateString({ strict: true }) time?: string;
  @IsOptional() @IsString() @Length(1, 500) subject?: string;
  @IsOptional()
  @IsIn(['application/json'], { message: 'datacontenttype must be application/json' })
  datacontenttype?: string;
  @IsOptional() @IsString() @Length(1, 2000) dataschema?: string;

  // A missing `data` or an array passes the nested validation; stepOf refuses them (@IsObject or
  // @IsDefined here would put keywords beside the schema's $ref that OpenAPI 3.0 does not allow).
  @ApiProperty({ type: () => PartnerEventDataDto })
  @ValidateNested()
  @Type(() => PartnerEventDataDto)
  data!: PartnerEventDataDto;
}

export class PartnerEventResponse {
  @ApiProperty({ description: 'The CloudEvent’s id' }) eventId!: string;
  @ApiProperty({ format: 'uuid' }) orderId!: string;
}
