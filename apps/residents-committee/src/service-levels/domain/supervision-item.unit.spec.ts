import { InvalidInput, InvalidTransition, NotFound, RuleViolation } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type RaisedItem,
  type SupervisionCommand,
  type SupervisionEvent,
  supervisionDecider,
} from './supervision-item';

const given = deciderSpecification(supervisionDecider);
const NOW = '2026-03-02T08:00:00.000Z';
const ITEM: RaisedItem = { orderId: 'order-1', communityId: 'community-1', stage: 'accept' };
const base = { itemId: 'item-1', item: ITEM, by: 'worker-1', now: NOW };

const assign = (supervisorId = 'worker-2', isWorker = true): SupervisionCommand => ({
  type: 'AssignSupervisor',
  data: { ...base, supervisorId, supervisorIsWorkerOfCommunity: isWorker },
});
const note = (text = 'Called the property company'): SupervisionCommand => ({
  type: 'AddSupervisionNote',
  data: { ...base, note: text },
});
const resolve = (text = 'Repaired; the resident is satisfied'): SupervisionCommand => ({
  type: 'ResolveSupervisionItem',
  data: { ...base, note: text },
});
const assigned = (supervisorId = 'worker-2'): SupervisionEvent => ({
  type: 'SupervisorAssigned',
  data: { itemId: 'item-1', orderId: 'order-1', supervisorId, assignedBy: 'worker-1', assignedAt: NOW },
});
const resolved: SupervisionEvent = {
  type: 'SupervisionItemResolved',
  data: { itemId: 'item-1', orderId: 'order-1', note: 'Done', by: 'worker-1', resolvedAt: NOW },
};

describe('supervision item (督办)', () => {
  it('a worker of the order’s community is assigned to supervise', () =>
    given([]).when(assign()).then([assigned()]));

  it('a supervisor from outside the community is refused', () =>
    given([])
      .when(assign('stranger', false))
      .thenThrows(RuleViolation, /not a worker of community community-1/));

  it('assigning the supervisor already assigned changes nothing', () =>
    given([assigned()]).when(assign()).thenNothingHappens());

  it('another supervisor takes over', () =>
    given([assigned()])
      .when(assign('worker-3'))
      .then([assigned('worker-3')]));

  it('a note records what was done, trimmed', () =>
    given([assigned()])
      .when(note('  Called the company  '))
      .then([
        {
          type: 'SupervisionNoteAdded',
          data: { itemId: 'item-1', orderId: 'order-1', note: 'Called the company', by: 'worker-1', at: NOW },
        },
      ]));

  it('a blank note says nothing and is refused', () => given([]).when(note('   ')).thenThrows(InvalidInput));

  it('an item is resolved with a note', () => given([assigned()]).when(resolve('Done')).then([resolved]));

  it('a resolved item takes no more work', () => {
    given([resolved])
      .when(note())
      .thenThrows(InvalidTransition, /resolved/);
    given([resolved])
      .when(resolve())
      .thenThrows(InvalidTransition, /resolved/);
    given([resolved])
      .when(assign())
      .thenThrows(InvalidTransition, /resolved/);
  });

  it('an item the list does not hold is not found', () =>
    given([])
      .when({ type: 'AddSupervisionNote', data: { ...base, item: null, note: 'N' } })
      .thenThrows(NotFound));
});
