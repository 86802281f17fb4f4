import { contract, idSchema, nameSchema, roundSchema, textSchema, timeSchema } from '../contract';
import type { IntegrationEvent } from '../integration-event';
import { orderWorkV1, type OrderWorkV1 } from '../order-work';

/**
 * The kinds of government department a street or district office calls in (吹哨报到: the street
 * blows the whistle, the departments report in): housing, urban management, police, justice, fire,
 * market supervision, environment, planning, and the water, power, gas and heating utilities.
 */
export const DEPARTMENT_KINDS = [
  'housing',
  'urban-management',
  'police',
  'justice',
  'fire',
  'market-supervision',
  'environment',
  'planning',
  'water',
  'power',
  'gas',
  'heating',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

/** Who answers a whistle: the street's own departments, or the district's above it. */
export const WHISTLE_LEVELS = ['street', 'district'] as const;
export type WhistleLevel = (typeof WHISTLE_LEVELS)[number];

/** A department entered in a street's directory: orders can be whistled to it. */
export type DepartmentRegisteredV1 = IntegrationEvent<
  'residents-committee.department-registered',
  { departmentId: string; streetId: string; name: string; kind: DepartmentKind; registeredAt: string }
>;
export const departmentRegisteredV1 = contract<DepartmentRegisteredV1>(
  'residents-committee.department-registered',
  1,
  {
    type: 'object',
    required: ['departmentId', 'streetId', 'name', 'kind', 'registeredAt'],
    properties: {
      departmentId: idSchema,
      streetId: idSchema,
      name: nameSchema,
      kind: { type: 'string', enum: DEPARTMENT_KINDS },
      registeredAt: timeSchema,
    },
  },
);

/**
 * 吹哨: a matter beyond the community went to a department for the current round. The order is
 * then the department's to work (executor kind `department`), on the department's own deadlines.
 */
export type OrderWhistledV1 = IntegrationEvent<
  'residents-committee.order-whistled',
  {
    orderId: string;
    round: number;
    communityId: string;
    compoundId: string;
    streetId: string;
    departmentId: string;
    level: WhistleLevel;
    reason: string;
    whistlerId: string;
    whistledAt: string;
  }
>;
export const orderWhistledV1 = contract<OrderWhistledV1>('residents-committee.order-whistled', 1, {
  type: 'object',
  required: [
    'orderId',
    'round',
    'communityId',
    'compoundId',
    'streetId',
    'departmentId',
    'level',
    'reason',
    'whistlerId',
    'whistledAt',
  ],
  properties: {
    orderId: idSchema,
    round: roundSchema,
    communityId: idSchema,
    compoundId: idSchema,
    streetId: idSchema,
    departmentId: idSchema,
    level: { type: 'string', enum: WHISTLE_LEVELS },
    reason: { ...textSchema, minLength: 1 },
    whistlerId: idSchema,
    whistledAt: timeSchema,
  },
});

/**
 * 报到: a department's work on an order whistled to it, in the one order-work language (executor
 * kind `department`). The residents' committee keeps the department directory, so it publishes
 * this, and records it on the order through the same path as every executor's work.
 */
export type ResidentsCommitteeOrderWorkV1 = OrderWorkV1<'residents-committee.order-work'>;
export const residentsCommitteeOrderWorkV1 = orderWorkV1('residents-committee');
