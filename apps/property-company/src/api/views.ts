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
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}
