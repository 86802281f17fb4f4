import { ApiProperty } from '@nestjs/swagger';

export class RedPropertyRuleView {
  @ApiProperty({ enum: ['party-organization', 'party-members'] }) rule!: string;
  @ApiProperty({ enum: ['met', 'not-met', 'not-applicable'] }) status!: string;
  @ApiProperty({ format: 'date-time' }) since!: string;
}

export class ServiceContractView {
  @ApiProperty({ format: 'uuid' }) contractId!: string;
  @ApiProperty({ format: 'uuid' }) compoundId!: string;
  @ApiProperty({ format: 'uuid' }) communityId!: string;
  @ApiProperty({ format: 'date' }) startsOn!: string;
  @ApiProperty({ format: 'date' }) endsOn!: string;
}

export class CompanyOrderItemView {
  @ApiProperty({ format: 'uuid' }) orderId!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) round!: number;
  @ApiProperty({ enum: ['dispatched', 'accepted', 'arrived'] }) stage!: string;
  @ApiProperty({ format: 'date-time' }) dispatchedAt!: string;
}

/** One period of the company's evaluation (物业服务质量考核评价); see docs/domain-model.md. */
export class EvaluationPeriodView {
  @ApiProperty({ example: '2026-Q4' }) period!: string;
  @ApiProperty({ description: '0–100, one decimal' }) score!: number;
  @ApiProperty({ type: String, enum: ['A', 'B', 'C', 'D'], nullable: true }) grade!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Owners’ satisfaction, 0–100' })
  ownersSatisfaction!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The owners’ committees’ evaluations’ mean' })
  committeeMean!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Order ratings’ mean scaled to 0–100' })
  orderRatingsScaled!: number | null;
  @ApiProperty({ type: 'integer' }) orderRatingCount!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The community Party organization’s rating' })
  partyRating!: number | null;
  @ApiProperty({ type: 'integer', description: 'Orders it executed that residents rated low' })
  complaints!: number;
  @ApiProperty({ type: 'integer' }) committeeEvaluationCount!: number;
  @ApiProperty({ type: 'integer' }) partyRatingCount!: number;
}

/** 物业服务企业: a property company, its red-property (红色物业) rules and its contracts. */
export class CompanyResponse {
  @ApiProperty({ format: 'uuid' }) companyId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() unifiedCreditCode!: string;
  @ApiProperty({ type: 'integer' }) staffCount!: number;
  @ApiProperty({ type: 'integer' }) fullPartyMemberCount!: number;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) partyOrganizationId!: string | null;
  @ApiProperty({ type: [RedPropertyRuleView] }) rules!: RedPropertyRuleView[];
  @ApiProperty({ type: [ServiceContractView] }) contracts!: ServiceContractView[];
  @ApiProperty({ type: [CompanyOrderItemView], description: 'Orders dispatched to it and not yet done' })
  openOrders!: CompanyOrderItemView[];
  @ApiProperty({ type: [EvaluationPeriodView], description: 'Scores and grade by period' })
  evaluations!: EvaluationPeriodView[];
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}
