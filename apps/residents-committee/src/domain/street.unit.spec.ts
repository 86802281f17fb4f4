import { InvalidTransition } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import { type RegisterStreet, type StreetRegistered, streetDecider } from './street';

const given = deciderSpecification(streetDecider);
const NOW = '2026-03-01T08:00:00.000Z';

const registerStreet = (): RegisterStreet => ({
  type: 'RegisterStreet',
  data: { streetId: 'street-1', name: 'Jianxi Street', now: NOW },
});
const streetRegistered = (): StreetRegistered => ({
  type: 'StreetRegistered',
  data: { streetId: 'street-1', name: 'Jianxi Street', registeredAt: NOW },
});

describe('street (residents-committee)', () => {
  it('a street is registered with its name', () =>
    given([]).when(registerStreet()).then([streetRegistered()]));

  it('a street is registered only once', () =>
    given([streetRegistered()])
      .when(registerStreet())
      .thenThrows(InvalidTransition, /street street-1 is already registered/));
});
