import { InvalidInput, InvalidTransition, NotFound, OutOfScope } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import type { CompoundSummary } from './compound';
import {
  type RegisterResident,
  type ResidentEvent,
  type ResidentFlagsSet,
  type SetResidentFlags,
  type ResidentRegistered,
  residentDecider,
  summarizeResident,
} from './resident';

const given = deciderSpecification(residentDecider);
const NOW = '2026-03-01T08:00:00.000Z';

const compound: CompoundSummary = {
  exists: true,
  compoundId: 'compound-1',
  communityId: 'community-1',
  buildingIds: ['building-1', 'building-2'],
};

function registerResident(overrides: Partial<RegisterResident['data']> = {}): RegisterResident {
  return {
    type: 'RegisterResident',
    data: {
      residentId: 'resident-1',
      communityId: 'community-1',
      compoundId: 'compound-1',
      buildingId: 'building-1',
      name: 'Wang Fang',
      phone: '13812341234',
      tenure: 'owner',
      communityExists: true,
      compound,
      now: NOW,
      ...overrides,
    },
  };
}

function residentRegistered(overrides: Partial<ResidentRegistered['data']> = {}): ResidentRegistered {
  return {
    type: 'ResidentRegistered',
    data: {
      residentId: 'resident-1',
      communityId: 'community-1',
      compoundId: 'compound-1',
      buildingId: 'building-1',
      name: 'Wang Fang',
      phone: '13812341234',
      tenure: 'owner',
      registeredAt: NOW,
      ...overrides,
    },
  };
}

const setFlags = (flags: string[], residentId = 'resident-1'): SetResidentFlags => ({
  type: 'SetResidentFlags',
  data: { residentId, flags, now: NOW },
});
const flagsSet = (flags: ResidentFlagsSet['data']['flags']): ResidentFlagsSet => ({
  type: 'ResidentFlagsSet',
  data: { residentId: 'resident-1', communityId: 'community-1', compoundId: 'compound-1', flags, setAt: NOW },
});

const stateAfter = (events: readonly ResidentEvent[]) =>
  events.reduce(residentDecider.evolve, residentDecider.initialState());

describe('resident (residents-committee)', () => {
  it('a resident is registered in a building of a compound of their community', () =>
    given([]).when(registerResident()).then([residentRegistered()]));

  it('a resident of an unknown compound is refused', () =>
    given([])
      .when(
        registerResident({
          compoundId: 'compound-9',
          compound: { exists: false, compoundId: 'compound-9', communityId: null, buildingIds: [] },
        }),
      )
      .thenThrows(NotFound, /compound compound-9 not found/));

  it('a resident of an unknown community is refused', () =>
    given([])
      .when(registerResident({ communityId: 'community-9', communityExists: false }))
      .thenThrows(NotFound, /community community-9 not found/, { entity: 'community', id: 'community-9' }));

  it('the compound must be in the resident’s community: one of another community is out of scope', () =>
    given([])
      .when(registerResident({ communityId: 'community-2' }))
      .thenThrows(
        OutOfScope,
        /compound compound-1 is in community community-1, not in community community-2/,
        {
          entity: 'compound',
          id: 'compound-1',
          communityId: 'community-1',
          expectedCommunityId: 'community-2',
        },
      ));

  it('the building must be one of the compound’s: another is not found in it', () =>
    given([])
      .when(registerResident({ buildingId: 'building-9' }))
      .thenThrows(NotFound, /building building-9 not found in compound compound-1/, {
        entity: 'building',
        id: 'building-9',
        within: { entity: 'compound', id: 'compound-1' },
      }));

  it('a resident is registered only once', () =>
    given([residentRegistered()])
      .when(registerResident())
      .thenThrows(InvalidTransition, /resident resident-1 is already registered/));

  it('a tenure asked after registration is recorded with where the resident lives', () =>
    given([residentRegistered({ tenure: 'unknown' })])
      .when({ type: 'RecordTenure', data: { residentId: 'resident-1', tenure: 'owner', now: NOW } })
      .then([
        {
          type: 'ResidentTenureRecorded',
          data: {
            residentId: 'resident-1',
            communityId: 'community-1',
            compoundId: 'compound-1',
            tenure: 'owner',
            recordedAt: NOW,
          },
        },
      ]));

  it('the same tenure again records nothing', () =>
    given([residentRegistered({ tenure: 'tenant' })])
      .when({ type: 'RecordTenure', data: { residentId: 'resident-1', tenure: 'tenant', now: NOW } })
      .then([]));

  it('the tenure of a resident nobody registered is not found', () =>
    given([])
      .when({ type: 'RecordTenure', data: { residentId: 'resident-9', tenure: 'owner', now: NOW } })
      .thenThrows(NotFound, /resident resident-9 not found/));

  it('the summary an order gets names the resident’s community', () =>
    expect(summarizeResident('resident-1', stateAfter([residentRegistered()]))).toEqual({
      exists: true,
      residentId: 'resident-1',
      communityId: 'community-1',
    }));

  it('the summary of an unknown resident says it does not exist', () =>
    expect(summarizeResident('resident-9', stateAfter([]))).toEqual({
      exists: false,
      residentId: 'resident-9',
      communityId: null,
    }));

  describe('care flags (关爱对象)', () => {
    it('are set as a whole, in the order of the known flags, with where the resident lives', () =>
      given([residentRegistered()])
        .when(setFlags(['left-behind-child', 'living-alone-elderly']))
        .then([flagsSet(['living-alone-elderly', 'left-behind-child'])]));

    it('replace the last set: a flag not named again is no longer the resident’s', () =>
      given([residentRegistered(), flagsSet(['living-alone-elderly', 'disabled'])])
        .when(setFlags(['disabled', 'bereaved-family']))
        .then([flagsSet(['disabled', 'bereaved-family'])]));

    it('an empty list clears them', () =>
      given([residentRegistered(), flagsSet(['disabled'])])
        .when(setFlags([]))
        .then([flagsSet([])]));

    it('the same set again records nothing', () =>
      given([residentRegistered(), flagsSet(['disabled', 'left-behind-child'])])
        .when(setFlags(['left-behind-child', 'disabled']))
        .thenNothingHappens());

    it('clearing a resident who has none records nothing', () =>
      given([residentRegistered()]).when(setFlags([])).thenNothingHappens());

    it('an unknown flag is refused, naming it', () =>
      given([residentRegistered()])
        .when(setFlags(['disabled', 'rich']))
        .thenThrows(InvalidInput, /unknown care flags: rich/, { flags: ['rich'] }));

    it('a flag named twice is refused', () =>
      given([residentRegistered()])
        .when(setFlags(['disabled', 'disabled']))
        .thenThrows(InvalidInput, /named twice/));

    it('the flags of a resident nobody registered are not found', () =>
      given([])
        .when(setFlags(['disabled'], 'resident-9'))
        .thenThrows(NotFound, /resident resident-9 not found/));
  });
});
