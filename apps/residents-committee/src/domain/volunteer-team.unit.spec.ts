import { InvalidInput, InvalidTransition, NotFound, RuleViolation } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type RegisterVolunteerTeam,
  type VolunteerTeamEvent,
  type VolunteerTeamMemberAdded,
  type VolunteerTeamRegistered,
  isTeamMember,
  volunteerTeamDecider,
} from './volunteer-team';

const given = deciderSpecification(volunteerTeamDecider);
const NOW = '2026-03-01T08:00:00.000Z';
const LATER = '2026-03-02T08:00:00.000Z';

const register = (overrides: Partial<RegisterVolunteerTeam['data']> = {}): RegisterVolunteerTeam => ({
  type: 'RegisterVolunteerTeam',
  data: {
    teamId: 'team-1',
    community: { communityId: 'community-1', exists: true, streetId: 'street-1' },
    name: 'Peach Garden vanguard',
    kind: 'vanguard',
    now: NOW,
    ...overrides,
  },
});
const registered = (overrides: Partial<VolunteerTeamRegistered['data']> = {}): VolunteerTeamRegistered => ({
  type: 'VolunteerTeamRegistered',
  data: {
    teamId: 'team-1',
    communityId: 'community-1',
    streetId: 'street-1',
    name: 'Peach Garden vanguard',
    kind: 'vanguard',
    registeredAt: NOW,
    ...overrides,
  },
});
const addMember = (personId = 'person-1', known = true) => ({
  type: 'AddVolunteerTeamMember' as const,
  data: { teamId: 'team-1', person: { personId, known }, now: LATER },
});
const memberAdded = (personId = 'person-1'): VolunteerTeamMemberAdded => ({
  type: 'VolunteerTeamMemberAdded',
  data: { teamId: 'team-1', communityId: 'community-1', personId, addedAt: LATER },
});
const removeMember = (personId = 'person-1') => ({
  type: 'RemoveVolunteerTeamMember' as const,
  data: { teamId: 'team-1', personId, now: LATER },
});
const stateAfter = (events: readonly VolunteerTeamEvent[]) =>
  events.reduce(volunteerTeamDecider.evolve, volunteerTeamDecider.initialState());

describe('volunteer team (志愿服务队, residents-committee)', () => {
  it('a team is registered in an existing community, with the community’s street', () =>
    given([]).when(register()).then([registered()]));

  it('a team of a community without a street names no street', () =>
    given([])
      .when(register({ community: { communityId: 'community-1', exists: true, streetId: null } }))
      .then([registered({ streetId: null })]));

  it('the name is trimmed, and a blank one refused', () => {
    given([])
      .when(register({ name: '  Station team ', kind: 'service-station' }))
      .then([registered({ name: 'Station team', kind: 'service-station' })]);
    given([])
      .when(register({ name: '   ' }))
      .thenThrows(InvalidInput, /needs a name/);
  });

  it('a team of a community that does not exist is not found', () =>
    given([])
      .when(register({ community: { communityId: 'community-9', exists: false } }))
      .thenThrows(NotFound, /community community-9 not found/));

  it('an unknown kind is refused', () =>
    given([])
      .when(register({ kind: 'choir' as never }))
      .thenThrows(InvalidInput, /unknown kind of volunteer team: choir/));

  it('a team is registered only once', () =>
    given([registered()])
      .when(register())
      .thenThrows(InvalidTransition, /team-1 is already registered/));

  it('a person the committee knows joins the team', () =>
    given([registered()]).when(addMember()).then([memberAdded()]));

  it('a person nobody knows is not found', () =>
    given([registered()])
      .when(addMember('person-9', false))
      .thenThrows(NotFound, /person person-9 not found/));

  it('a member joins once', () =>
    given([registered(), memberAdded()])
      .when(addMember())
      .thenThrows(RuleViolation, /already a member/, { personId: 'person-1', teamId: 'team-1' }));

  it('members of a team that does not exist are not found', () =>
    given([])
      .when(addMember())
      .thenThrows(NotFound, /volunteer team team-1 not found/));

  it('a member leaves the team', () =>
    given([registered(), memberAdded()])
      .when(removeMember())
      .then([
        {
          type: 'VolunteerTeamMemberRemoved',
          data: { teamId: 'team-1', communityId: 'community-1', personId: 'person-1', removedAt: LATER },
        },
      ]));

  it('removing someone who is no member is not found in the team', () =>
    given([registered(), memberAdded()])
      .when(removeMember('person-2'))
      .thenThrows(NotFound, /person-2 not found in volunteer team team-1/));

  it('only registered members count as members: one removed no longer does', () => {
    expect(isTeamMember(stateAfter([registered(), memberAdded()]), 'person-1')).toBe(true);
    expect(isTeamMember(stateAfter([registered(), memberAdded(), memberAdded('person-2')]), 'person-2')).toBe(
      true,
    );
    const removed = stateAfter([
      registered(),
      memberAdded(),
      {
        type: 'VolunteerTeamMemberRemoved',
        data: { teamId: 'team-1', communityId: 'community-1', personId: 'person-1', removedAt: LATER },
      },
    ]);
    expect(isTeamMember(removed, 'person-1')).toBe(false);
    expect(isTeamMember(stateAfter([]), 'person-1')).toBe(false);
  });
});
