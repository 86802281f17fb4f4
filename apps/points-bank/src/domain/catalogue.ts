import { InvalidInput, RuleViolation, type Decider } from '@cogov/decider';

/** One thing a service station gives for points (兑换): a name and its price in points. */
export interface CatalogueItem {
  readonly itemId: string;
  readonly name: string;
  readonly points: number;
}

export type CatalogueCommand = {
  type: 'AddItem';
  data: { communityId: string; itemId: string; name: string; points: number; addedBy: string; now: string };
};

export type CatalogueEvent = {
  type: 'ItemAdded';
  data: {
    communityId: string;
    itemId: string;
    name: string;
    points: number;
    addedBy: string;
    addedAt: string;
  };
};

export interface Catalogue {
  readonly communityId: string | null;
  readonly items: readonly CatalogueItem[];
}

function decide(command: CatalogueCommand, state: Catalogue): CatalogueEvent[] {
  const d = command.data;
  const name = d.name.trim();
  if (!name) throw new InvalidInput('an item needs a name', { field: 'name' });
  if (!Number.isInteger(d.points) || d.points <= 0) {
    throw new InvalidInput('an item costs a whole number of points > 0', { field: 'points' });
  }
  if (state.items.some((item) => item.name === name)) {
    throw new RuleViolation(`the catalogue already has ${name}`, { name });
  }
  return [
    {
      type: 'ItemAdded',
      data: {
        communityId: d.communityId,
        itemId: d.itemId,
        name,
        points: d.points,
        addedBy: d.addedBy,
        addedAt: d.now,
      },
    },
  ];
}

function evolve(state: Catalogue, event: CatalogueEvent): Catalogue {
  switch (event.type) {
    case 'ItemAdded': {
      const { itemId, name, points } = event.data;
      return { communityId: event.data.communityId, items: [...state.items, { itemId, name, points }] };
    }
  }
}

/** A community's service-station catalogue: what its points are redeemed for. */
export const catalogueDecider: Decider<CatalogueCommand, Catalogue, CatalogueEvent> = {
  initialState: () => ({ communityId: null, items: [] }),
  decide,
  evolve,
};
