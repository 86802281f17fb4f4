import { InvalidInput, InvalidTransition, NotFound } from '@cogov/event-sourcing';
import { deciderSpecification } from '@cogov/event-sourcing/testing/decider-specification';
import type { CompoundSummary } from './compound';
import { type RegisterResident, type ResidentEvent, residentDecider } from './resident';

const given = deciderSpecification(residentDecider);
const NOW = '2026-11-22T08:00:00.000Z';
const compound: CompoundSummary = { exists: true, compoundId: 'k1', communityId: 'c1', buildingIds: ['b1'] };
const register = (overrides: Partial<RegisterResident['data']> = {}): RegisterResident => ({
  type: 'RegisterResident',
  data: { residentId: 'r1', communityId: 'c1', compoundId: 'k1', buildingId: 'b1', name: 'Wang Fang', phone: '13812341234', compound, now: NOW, ...overrides },
});
const registered: ResidentEvent = {
  type: 'ResidentRegistered',
  data: { residentId: 'r1', communityId: 'c1', compoundId: 'k1', buildingId: 'b1', name: 'Wang Fang', phone: '13812341234', registeredAt: NOW },
};

describe('resident (residents-committee)', () => {
  it('a resident is registered in a building of a compound of their community', () =>
    given([]).when(register()).then([registered]));

  it('a resident of an unknown compound is refused', () =>
    given([])
      .when(register({ compound: { exists: false, compoundId: 'k1', communityId: null, buildingIds: [] } }))
      .thenThrows(NotFound, /compound k1/));

  it('the compound must be in the named community', () =>
    given([]).when(register({ communityId: 'c2' })).thenThrows(InvalidInput, /not in community c2/));

  it('the building must be in the compound', () =>
    given([]).when(register({ buildingId: 'b9' })).thenThrows(InvalidInput, /building b9/));

  it('a resident is registered once', () => given([registered]).when(register()).thenThrows(InvalidTransition));
});
