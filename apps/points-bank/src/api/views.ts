import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { VOLUNTEER_ACTIVITY_KINDS } from '@cogov/contracts';
import { ORDER_PRIORITIES } from '../domain/standards';

/* What the points bank's routes answer, for the OpenAPI document. */

export class StandardRefView {
  @ApiProperty() standardId!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
}

export class OrderPointsView {
  @ApiProperty() category!: string;
  @ApiProperty({ enum: ORDER_PRIORITIES }) priority!: string;
  @ApiProperty({ type: 'integer' }) points!: number;
}

const ACTIVITY_POINTS: ApiPropertyOptions = {
  type: 'object',
  description: 'Points per activity of each kind',
  properties: Object.fromEntries(VOLUNTEER_ACTIVITY_KINDS.map((k) => [k, { type: 'integer', minimum: 0 }])),
};

export class PointsStandardView {
  @ApiProperty() standardId!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date' }) effectiveFrom!: string;
  @ApiProperty({ type: [OrderPointsView] }) orders!: OrderPointsView[];
  @ApiProperty({ type: 'integer' }) perVolunteerHour!: number;
  @ApiProperty(ACTIVITY_POINTS) perActivityKind!: Record<string, number>;
  @ApiProperty({ type: 'integer' }) ratingFiveBonus!: number;
}

export class StandardsResponse {
  @ApiProperty({ format: 'uuid' }) streetId!: string;
  @ApiProperty({ format: 'date', description: 'Today in China' }) today!: string;
  @ApiProperty({
    type: 'object',
    nullable: true,
    selfRequired: true,
    required: ['standardId', 'version'],
    properties: { standardId: { type: 'string' }, version: { type: 'integer' } },
    description: 'The standard in force today; null before the first takes effect',
  })
  inForce!: StandardRefView | null;
  @ApiProperty({ type: [PointsStandardView], description: 'Every version, in the order published' })
  standards!: PointsStandardView[];
}

export class PublishedStandardResponse {
  @ApiProperty({ format: 'uuid' }) streetId!: string;
  @ApiProperty() standardId!: string;
  @ApiProperty({ type: 'integer' }) version!: number;
}

export class CatalogueItemView {
  @ApiProperty({ format: 'uuid' }) itemId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: 'integer' }) points!: number;
}

export class CatalogueResponse {
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ type: [CatalogueItemView] }) items!: CatalogueItemView[];
}

export class RedemptionResponse {
  @ApiProperty({ format: 'uuid', description: 'The redemption' }) id!: string;
  @ApiProperty({ type: 'integer', description: 'The points it took' }) points!: number;
}

export class DebitView {
  @ApiProperty({ format: 'uuid' }) streetId!: string;
  @ApiProperty({ type: 'integer' }) points!: number;
}

/** One entry of the ledger: its kind says which of the optional fields it carries. */
export class LedgerEntryView {
  @ApiProperty({ enum: ['order', 'activity', 'redemption', 'correction'] }) kind!: string;
  @ApiProperty({ description: '`order:<id>`, `activity:<id>`, or the redemption’s or correction’s id' })
  entryId!: string;
  @ApiProperty({ format: 'uuid', description: 'Where the points were earned, redeemed or corrected' })
  streetId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) communityId!: string | null;
  @ApiProperty({ type: 'integer', description: 'Positive in, negative out' }) points!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiPropertyOptional({ description: 'order, activity: the order or activity that earned' })
  causeId?: string;
  @ApiPropertyOptional({
    type: StandardRefView,
    description: 'order, activity: the standard it was earned under',
  })
  standard?: StandardRefView;
  @ApiPropertyOptional({ format: 'date', description: 'order, activity: the day of the work (China)' })
  on?: string;
  @ApiPropertyOptional({ description: 'redemption' }) itemId?: string;
  @ApiPropertyOptional({ description: 'redemption' }) itemName?: string;
  @ApiPropertyOptional({ type: [DebitView], description: 'redemption: which streets’ deposits paid' })
  debits?: DebitView[];
  @ApiPropertyOptional({ description: 'correction' }) reason?: string;
  @ApiPropertyOptional({ description: 'correction: who made it' }) correctedBy?: string;
}

export class DepositView {
  @ApiProperty({ format: 'uuid' }) streetId!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) balance!: number;
}

export class AccountResponse {
  @ApiProperty() personId!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) total!: number;
  @ApiProperty({ type: [DepositView] }) deposits!: DepositView[];
  @ApiProperty({ type: [LedgerEntryView] }) entries!: LedgerEntryView[];
}

export class StatementResponse {
  @ApiProperty() personId!: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: 'integer' }) openingBalance!: number;
  @ApiProperty({ type: [LedgerEntryView] }) entries!: LedgerEntryView[];
  @ApiProperty({ type: 'integer' }) closingBalance!: number;
}

export class EarnerView {
  @ApiProperty({ type: 'integer', minimum: 1 }) rank!: number;
  @ApiProperty() personId!: string;
  @ApiProperty({ type: 'integer' }) points!: number;
}

export class LeaderboardResponse {
  @ApiPropertyOptional({ format: 'uuid' }) communityId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) streetId?: string;
  @ApiProperty({ type: 'integer' }) year!: number;
  @ApiProperty({ type: [EarnerView] }) earners!: EarnerView[];
}
