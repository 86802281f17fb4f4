import { InvalidTransition, NotFound, RuleViolation } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type AddBuilding,
  type BuildingAdded,
  type CompoundEvent,
  type CompoundRegistered,
  type RegisterCompound,
  compoundDecider,
  summarizeCompound,
} from './compound';

const given = deciderSpecification(compoundDecider);
const NOW = '2026-03-01T08:00:00.000Z';

function registerCompound(overrides: Partial<RegisterCompound['data']> = {}): RegisterCompound {
  return {
    type: 'RegisterCompound',
    data: {
      compoundId: 'compound-1',
      communityId: 'community-1',
      communityExists: true,
      name: 'Peach Garden',
      address: '1 Peach Road',
      now: NOW,
      ...overrides,
    },
  };
}

function compoundRegistered(overrides: Partial<CompoundRegistered['data']> = {}): CompoundRegistered {
  return {
    type: 'CompoundRegistered',
    data: {
      compoundId: 'compound-1',
      communityId: 'community-1',
      name: 'Peach Garden',
      address: '1 Peach Road',
      registeredAt: NOW,
      ...overrides,
    },
  };
}

function addBuilding(overrides: Partial<AddBuilding['data']> = {}): AddBuilding {
  return {
    type: 'AddBuilding',
    data: {
      compoundId: 'compound-1',
      buildingId: 'building-1',
      name: 'Building 3',
      number: '3',
      now: NOW,
      ...overrides,
    },
  };
}

function buildingAdded(overrides: Partial<BuildingAdded['data']> = {}): BuildingAdded {
  return {
    type: 'BuildingAdded',
    data: {
      compoundId: 'compound-1',
      communityId: 'community-1',
      buildingId: 'building-1',
      name: 'Building 3',
      number: '3',
      addedAt: NOW,
      ...overrides,
    },
  };
}

const stateAfter = (events: readonly CompoundEvent[]) =>
  events.reduce(compoundDecider.evolve, compoundDecider.initialState());

describe('compound (residents-committee)', () => {
  it('a compound is registered in an existing community', () =>
    given([]).when(registerCompound()).then([compoundRegistered()]));

  it('a compound of an unknown community is refused', () =>
    given([])
      .when(registerCompound({ communityExists: false }))
      .thenThrows(NotFound, /community community-1 not found/));

  it('a compound is registered only once', () =>
    given([compoundRegistered()])
      .when(registerCompound())
      .thenThrows(InvalidTransition, /compound compound-1 is already registered/));

  it('a building added to a compound carries the compound’s community', () =>
    given([compoundRegistered()]).when(addBuilding()).then([buildingAdded()]));

  it('a compound has several buildings with different numbers', () =>
    given([compoundRegistered(), buildingAdded()])
      .when(addBuilding({ buildingId: 'building-2', name: 'Building 4', number: '4' }))
      .then([buildingAdded({ buildingId: 'building-2', name: 'Building 4', number: '4' })]));

  it('no building is added to an unknown compound', () =>
    given([])
      .when(addBuilding())
      .thenThrows(NotFound, /compound compound-1 not found/));

  it('two buildings of one compound cannot share a number', () =>
    given([compoundRegistered(), buildingAdded()])
      .when(addBuilding({ buildingId: 'building-2', name: 'Also 3' }))
      .thenThrows(RuleViolation, /already has a building number 3/));

  it('the summary other decisions get lists the compound’s community and buildings', () =>
    expect(summarizeCompound('compound-1', stateAfter([compoundRegistered(), buildingAdded()]))).toEqual({
      exists: true,
      compoundId: 'compound-1',
      communityId: 'community-1',
      buildingIds: ['building-1'],
    }));

  it('the summary of an unknown compound says it does not exist', () =>
    expect(summarizeCompound('compound-9', stateAfter([]))).toEqual({
      exists: false,
      compoundId: 'compound-9',
      communityId: null,
      buildingIds: [],
    }));
});
