import { InvalidTransition, NotFound, RuleViolation } from '@cogov/event-sourcing';
import { deciderSpecification } from '@cogov/event-sourcing/testing/decider-specification';
import { type CompoundEvent, compoundDecider } from './compound';

const given = deciderSpecification(compoundDecider);
const NOW = '2026-11-22T08:00:00.000Z';
const register = (communityExists = true) =>
  ({
    type: 'RegisterCompound',
    data: { compoundId: 'k1', communityId: 'c1', communityExists, name: 'Peach Garden', address: '1 Peach Road', now: NOW },
  }) as const;
const registered: CompoundEvent = {
  type: 'CompoundRegistered',
  data: { compoundId: 'k1', communityId: 'c1', name: 'Peach Garden', address: '1 Peach Road', registeredAt: NOW },
};
const addBuilding = (buildingId: string, number: string) =>
  ({ type: 'AddBuilding', data: { compoundId: 'k1', buildingId, name: `Building ${number}`, number, now: NOW } }) as const;

describe('compound (residents-committee)', () => {
  it('a compound is registered in an existing community', () => given([]).when(register()).then([registered]));

  it('a compound of an unknown community is refused', () =>
    given([]).when(register(false)).thenThrows(NotFound, /community c1/));

  it('a compound is registered once', () => given([registered]).when(register()).thenThrows(InvalidTransition));

  it('a building is added to a compound, carrying its community', () =>
    given([registered])
      .when(addBuilding('b1', '3'))
      .then([{ type: 'BuildingAdded', data: { compoundId: 'k1', communityId: 'c1', buildingId: 'b1', name: 'Building 3', number: '3', addedAt: NOW } }]));

  it('a building of an unknown compound is refused', () =>
    given([]).when(addBuilding('b1', '3')).thenThrows(NotFound, /compound k1/));

  it('two buildings of one compound cannot share a number', () =>
    given([registered, { type: 'BuildingAdded', data: { compoundId: 'k1', communityId: 'c1', buildingId: 'b1', name: 'B3', number: '3', addedAt: NOW } }])
      .when(addBuilding('b2', '3'))
      .thenThrows(RuleViolation, /number 3/));
});
