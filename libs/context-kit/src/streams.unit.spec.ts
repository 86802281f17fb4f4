import type { Decider } from '@cogov/decider';
import { aggregate } from './aggregate';
import { defineContext } from './define-context';
import { aggregateOfStream } from './streams';

const decider: Decider<{ type: 'Count' }, { n: number }, { type: 'Counted'; data: Record<string, never> }> = {
  initialState: () => ({ n: 0 }),
  decide: () => [],
  evolve: (state) => ({ n: state.n + 1 }),
};
const grid = aggregate('town-hall.grid', decider);
const gridPlan = aggregate('town-hall.grid-plan', decider);
const ledger = aggregate('treasury.ledger', decider);
const townHall = defineContext({ name: 'town-hall', port: 0, aggregates: { grid, gridPlan } });
const treasury = defineContext({ name: 'treasury', port: 0, aggregates: { ledger } });

describe('aggregateOfStream', () => {
  it('names the context, the aggregate and its id by the stream’s category', () => {
    expect(aggregateOfStream([townHall, treasury], 'treasury.ledger-42')).toEqual({
      context: treasury,
      definition: ledger,
      id: '42',
    });
  });

  it('takes the longest category when one is a prefix of another', () => {
    expect(aggregateOfStream([townHall], 'town-hall.grid-plan-7')).toMatchObject({
      definition: gridPlan,
      id: '7',
    });
    expect(aggregateOfStream([townHall], 'town-hall.grid-7')).toMatchObject({ definition: grid, id: '7' });
  });

  it('answers null for a category no manifest declares, or a stream without an id', () => {
    expect(aggregateOfStream([townHall, treasury], 'post-office.parcel-1')).toBeNull();
    expect(aggregateOfStream([townHall], 'treasury.ledger-1')).toBeNull();
    expect(aggregateOfStream([treasury], 'treasury.ledger-')).toBeNull();
    expect(aggregateOfStream([treasury], 'treasury.ledger')).toBeNull();
  });
});
