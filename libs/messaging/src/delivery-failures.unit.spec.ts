import {
  ConcurrencyConflict,
  InvalidInput,
  InvalidTransition,
  NotFound,
  NotYetKnown,
  RuleViolation,
} from '@cogov/decider';
import { classifyFailure, PermanentDeliveryFailure } from './delivery-failures';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('which delivery failures may mend themselves', () => {
  it.each([
    ['a schema violation', new PermanentDeliveryFailure('payload fails its schema')],
    ['a fact the aggregate cannot take', new InvalidTransition('closed', 'record review')],
    ['a broken rule', new RuleViolation('member of another branch')],
    ['nonsensical input', new InvalidInput('no result note')],
    [
      'an event id already stored in another stream',
      Object.assign(new Error('dup'), { name: 'DuplicateEventId' }),
    ],
  ])('%s is permanent', (_, error) => expect(classifyFailure(error)).toBe('permanent'));

  it.each([
    ['a fact not delivered yet', new NotYetKnown('order', 'o-1')],
    ['an entity another context has not announced', new NotFound('member', 'm-1')],
    ['a concurrency conflict', new ConcurrencyConflict('order-1', 5)],
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    [
      'refused on every address tried (Node wraps them)',
      Object.assign(new AggregateError([withCode('refused', 'ECONNREFUSED')], ''), { code: 'ECONNREFUSED' }),
    ],
    [
      'refused on every address, code only inside',
      new AggregateError([withCode('refused', 'ECONNREFUSED')], ''),
    ],
    ['a lost pg connection', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    [
      'a TypeORM query failure on a server shutting down',
      Object.assign(new Error('terminating connection due to administrator command'), {
        name: 'QueryFailedError',
        driverError: withCode('terminating connection', '57P01'),
      }),
    ],
    ['a serialisation failure', withCode('could not serialize access', '40001')],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
    [
      'the broker unreachable',
      Object.assign(new Error('Connection error'), { name: 'KafkaJSConnectionError' }),
    ],
    ['a lost stream revision race', Object.assign(new Error('rev'), { name: 'WrongExpectedRevision' })],
    [
      'an infrastructure error as the cause',
      new Error('append failed', { cause: withCode('x', 'ETIMEDOUT') }),
    ],
  ])('%s is transient', (_, error) => expect(classifyFailure(error)).toBe('transient'));

  it.each([
    ['a plain error (most likely a bug)', new Error('cannot read properties of undefined')],
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['a thrown string', 'boom'],
  ])('%s is unknown', (_, error) => expect(classifyFailure(error)).toBe('unknown'));
});
