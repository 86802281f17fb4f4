import { Writable } from 'node:stream';
import { runWithLogContext } from '@cogov/log-context';
import { createPino } from './logging';
import { streamCategory } from './stream-category';

describe('JSON log lines', () => {
  const capture = () => {
    const lines: Array<Record<string, unknown>> = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString('utf8')) as Record<string, unknown>);
        done();
      },
    });
    return { lines, logger: createPino({ level: 'info', destination }) };
  };

  it('carry the correlation and event ids of the integration event being handled', async () => {
    const { lines, logger } = capture();
    await runWithLogContext({ correlationId: 'corr-1', eventId: 'evt-1' }, async () => {
      await Promise.resolve();
      logger.info('handling');
    });
    logger.info('outside');
    expect(lines.map(({ msg, correlationId, eventId }) => ({ msg, correlationId, eventId }))).toEqual([
      { msg: 'handling', correlationId: 'corr-1', eventId: 'evt-1' },
      { msg: 'outside', correlationId: undefined, eventId: undefined },
    ]);
  });

  it('respect the level', () => {
    const { lines, logger } = capture();
    logger.debug('hidden');
    expect(lines).toEqual([]);
  });
});

describe('stream category (a metric label: never an id)', () => {
  it.each([
    ['residents-committee.order-5d2a9f4e-0000-4000-8000-00000000a11c', 'residents-committee.order'],
    [
      'party-organization.branch-order-5D2A9F4E-0000-4000-8000-00000000A11C',
      'party-organization.branch-order',
    ],
    ['notes-abc', 'notes'],
    ['single', 'single'],
  ])('%s → %s', (streamId, category) => expect(streamCategory(streamId)).toBe(category));
});
