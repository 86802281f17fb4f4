import { InvalidInput, RuleViolation } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import { type CatalogueEvent, catalogueDecider } from './catalogue';

const given = deciderSpecification(catalogueDecider);
const NOW = '2026-01-01T00:00:00.000Z';
const add = (name: string, points: number, itemId = 'item-1') => ({
  type: 'AddItem' as const,
  data: { communityId: 'community-1', itemId, name, points, addedBy: 'staff-1', now: NOW },
});
const added = (name: string, points: number, itemId = 'item-1'): CatalogueEvent => ({
  type: 'ItemAdded',
  data: { communityId: 'community-1', itemId, name, points, addedBy: 'staff-1', addedAt: NOW },
});

describe('a service station’s catalogue', () => {
  it('an item is added with its price', () =>
    given([])
      .when(add('rice 5 kg', 7))
      .then([added('rice 5 kg', 7)]));
  it('an item of the same name is refused', () =>
    given([added('rice 5 kg', 7)])
      .when(add('rice 5 kg', 9, 'item-2'))
      .thenThrows(RuleViolation, /already has/));
  it('an item costs at least one point', () => given([]).when(add('soap', 0)).thenThrows(InvalidInput));
  it('an item needs a name', () => given([]).when(add('  ', 3)).thenThrows(InvalidInput, /name/));
});
