import { contract, idListSchema, idSchema, nameSchema, textSchema, timeSchema } from '../contract';
import type { IntegrationEvent } from '../integration-event';

const daySchema = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' } as const;

/**
 * The kinds of volunteer team a community keeps: the service station's own (服务站志愿队), a Party
 * members' vanguard (党员先锋队), and residents' teams (居民志愿队).
 */
export const VOLUNTEER_TEAM_KINDS = ['service-station', 'vanguard', 'residents'] as const;
export type VolunteerTeamKind = (typeof VOLUNTEER_TEAM_KINDS)[number];

/**
 * What a volunteer activity was: the kinds a street's points standard prices per hour or per
 * activity (elderly care, children, environment, safety patrols, civility, health, culture).
 */
export const VOLUNTEER_ACTIVITY_KINDS = [
  'elderly-care',
  'child-care',
  'environment',
  'safety-patrol',
  'civility',
  'health',
  'culture',
  'other',
] as const;
export type VolunteerActivityKind = (typeof VOLUNTEER_ACTIVITY_KINDS)[number];

/** A volunteer team registered in a community: orders can be dispatched to it. */
export type VolunteerTeamRegisteredV1 = IntegrationEvent<
  'residents-committee.volunteer-team-registered',
  {
    teamId: string;
    communityId: string;
    /** The community's street, null for a community without one. */
    streetId: string | null;
    name: string;
    kind: VolunteerTeamKind;
    registeredAt: string;
  }
>;
export const volunteerTeamRegisteredV1 = contract<VolunteerTeamRegisteredV1>(
  'residents-committee.volunteer-team-registered',
  1,
  {
    type: 'object',
    required: ['teamId', 'communityId', 'streetId', 'name', 'kind', 'registeredAt'],
    properties: {
      teamId: idSchema,
      communityId: idSchema,
      streetId: { ...idSchema, nullable: true },
      name: nameSchema,
      kind: { type: 'string', enum: VOLUNTEER_TEAM_KINDS },
      registeredAt: timeSchema,
    },
  },
);

/**
 * A volunteer activity confirmed by community staff: who served (person ids: Party members,
 * residents, volunteers), on which day (`YYYY-MM-DD`, China's calendar) and for how many hours.
 * Each participant's volunteer day (4+1) and points come from this fact, never from the activity
 * as first entered.
 */
export type VolunteerActivityConfirmedV1 = IntegrationEvent<
  'residents-committee.volunteer-activity-confirmed',
  {
    activityId: string;
    communityId: string;
    streetId: string | null;
    teamId: string;
    kind: VolunteerActivityKind;
    title: string;
    date: string;
    hours: number;
    participantIds: string[];
    confirmedBy: string;
    confirmedAt: string;
  }
>;
export const volunteerActivityConfirmedV1 = contract<VolunteerActivityConfirmedV1>(
  'residents-committee.volunteer-activity-confirmed',
  1,
  {
    type: 'object',
    required: [
      'activityId',
      'communityId',
      'streetId',
      'teamId',
      'kind',
      'title',
      'date',
      'hours',
      'participantIds',
      'confirmedBy',
      'confirmedAt',
    ],
    properties: {
      activityId: idSchema,
      communityId: idSchema,
      streetId: { ...idSchema, nullable: true },
      teamId: idSchema,
      kind: { type: 'string', enum: VOLUNTEER_ACTIVITY_KINDS },
      title: { ...textSchema, minLength: 1, maxLength: 200 },
      date: daySchema,
      hours: { type: 'number', exclusiveMinimum: 0, maximum: 24 },
      participantIds: { ...idListSchema, minItems: 1 },
      confirmedBy: idSchema,
      confirmedAt: timeSchema,
    },
  },
);

/**
 * The care flags of a resident (关爱对象): an elderly person living alone, a left-behind child, a
 * disabled person, a bereaved family. Sensitive: published so a Party member's pairing (结对) can
 * be checked against them, never shown beyond those who may read the resident.
 */
export const RESIDENT_FLAGS = [
  'living-alone-elderly',
  'left-behind-child',
  'disabled',
  'bereaved-family',
] as const;
export type ResidentFlag = (typeof RESIDENT_FLAGS)[number];

/** The flags a member's "4+1" pairing may be with. */
export const PAIRING_FLAGS: readonly ResidentFlag[] = ['living-alone-elderly', 'left-behind-child'];

/** A resident's care flags as they now are (the whole set, replacing the last). */
export type ResidentFlagsSetV1 = IntegrationEvent<
  'residents-committee.resident-flags-set',
  { residentId: string; communityId: string; flags: ResidentFlag[]; setAt: string }
>;
export const residentFlagsSetV1 = contract<ResidentFlagsSetV1>('residents-committee.resident-flags-set', 1, {
  type: 'object',
  required: ['residentId', 'communityId', 'flags', 'setAt'],
  properties: {
    residentId: idSchema,
    communityId: idSchema,
    flags: { type: 'array', items: { type: 'string', enum: RESIDENT_FLAGS }, uniqueItems: true, maxItems: 4 },
    setAt: timeSchema,
  },
});
