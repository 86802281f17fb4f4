import { aggregate, type RepositoryOf } from '@cogov/context-kit';
import { communityDecider } from '../domain/community';
import { compoundDecider } from '../domain/compound';
import { orderDecider } from '../domain/order';
import { residentDecider } from '../domain/resident';
import { streetDecider } from '../domain/street';
import { gridLocationDecider } from '../domain/grid';
import { gridPlanDecider } from '../domain/grid-plan';
import { departmentDecider } from '../domain/department';
import { volunteerTeamDecider } from '../domain/volunteer-team';
import { volunteerActivityDecider } from '../domain/volunteer-activity';

export const communityAggregate = aggregate('residents-committee.community', communityDecider);
export const compoundAggregate = aggregate('residents-committee.compound', compoundDecider);
export const residentAggregate = aggregate('residents-committee.resident', residentDecider);
export const orderAggregate = aggregate('residents-committee.order', orderDecider);
export const streetAggregate = aggregate('residents-committee.street', streetDecider);
/** A community's grids, keyed by the community's id. */
export const gridPlanAggregate = aggregate('residents-committee.grid-plan', gridPlanDecider);
export const gridAggregate = aggregate('residents-committee.grid', gridLocationDecider);
/** A department a street's communities whistle to (吹哨报到), and its staff. */
export const departmentAggregate = aggregate('residents-committee.department', departmentDecider);
/** 志愿服务队: a community's volunteer team, and its members. */
export const volunteerTeamAggregate = aggregate('residents-committee.volunteer-team', volunteerTeamDecider);
/** 志愿活动: what a team did, recorded and then confirmed by community staff. */
export const volunteerActivityAggregate = aggregate(
  'residents-committee.volunteer-activity',
  volunteerActivityDecider,
);

export type CommunityRepository = RepositoryOf<typeof communityAggregate>;
export type CompoundRepository = RepositoryOf<typeof compoundAggregate>;
export type ResidentRepository = RepositoryOf<typeof residentAggregate>;
export type OrderRepository = RepositoryOf<typeof orderAggregate>;
export type StreetRepository = RepositoryOf<typeof streetAggregate>;
export type GridPlanRepository = RepositoryOf<typeof gridPlanAggregate>;
export type GridRepository = RepositoryOf<typeof gridAggregate>;
export type DepartmentRepository = RepositoryOf<typeof departmentAggregate>;
export type VolunteerTeamRepository = RepositoryOf<typeof volunteerTeamAggregate>;
export type VolunteerActivityRepository = RepositoryOf<typeof volunteerActivityAggregate>;
