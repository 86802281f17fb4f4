import { NotImplementedException } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@cogov/event-store';
import type { Principal } from '@cogov/security';
import { InvalidInput } from '@cogov/decider';
import { AuditController, momentOf } from './audit.controller';
import { plain } from './plain';

const event = (globalPosition: number, recordedAt: string) =>
  ({ globalPosition, recordedAt: new Date(recordedAt) }) as RecordedEvent;

describe('momentOf', () => {
  it('takes events recorded at or before `at`', () => {
    const moment = momentOf({ at: '2030-01-01T08:00:00.000+01:00' });
    expect(moment).toMatchObject({ at: '2030-01-01T07:00:00.000Z', position: null });
    expect(moment.includes(event(9, '2030-01-01T07:00:00.000Z'))).toBe(true);
    expect(moment.includes(event(1, '2030-01-01T07:00:00.001Z'))).toBe(false);
  });

  it('takes events at or before `position`', () => {
    const moment = momentOf({ position: 5 });
    expect(moment).toMatchObject({ at: null, position: 5 });
    expect(moment.includes(event(5, '2099-01-01T00:00:00Z'))).toBe(true);
    expect(moment.includes(event(6, '2000-01-01T00:00:00Z'))).toBe(false);
  });

  it('wants exactly one of them', () => {
    expect(() => momentOf({})).toThrow(InvalidInput);
    expect(() => momentOf({ at: '2030-01-01T00:00:00Z', position: 1 })).toThrow(InvalidInput);
  });
});

describe('plain', () => {
  it('writes maps as objects, sets as arrays and dates as ISO times, deeply', () => {
    const state = {
      status: 'present',
      members: new Map([['m1', { since: new Date('2030-01-01T00:00:00Z'), tags: new Set(['a', 'b']) }]]),
      gone: undefined,
      list: [new Set([1])],
    };
    expect(plain(state)).toEqual({
      status: 'present',
      members: { m1: { since: '2030-01-01T00:00:00.000Z', tags: ['a', 'b'] } },
      list: [[1]],
    });
    expect(plain(null)).toBeNull();
    expect(plain(3)).toBe(3);
  });
});

describe('the event search on a store without one', () => {
  it('answers 501 not-supported-by-store', async () => {
    const store = { readStream: () => Promise.resolve([]) } as unknown as EventStore;
    const controller = new AuditController(store, []);
    const caller = { personId: 'a', roles: ['platform-admin'] } as unknown as Principal;
    const failure = await controller.search({}, caller).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NotImplementedException);
    expect((failure as NotImplementedException).getResponse()).toMatchObject({
      error: 'not-supported-by-store',
    });
  });
});
