import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { integrationEventId } from './integration-event-factory';

describe('integration event ids', () => {
  it('are the same UUIDv5 the uuid package derives, so ids published before stay the same', () => {
    const names = [
      ...Array.from({ length: 200 }, () => `${randomUUID()}:party-organization.order-reviewed`),
      '',
      '工单:居委会.派单',
      'emoji 🚰 and quotes "\\\'',
    ];
    for (const name of names) {
      expect(integrationEventId(name)).toBe(uuidv5(name, '8d0b8a52-9a4e-4d6c-a1d5-0b6b2f7f4a10'));
    }
  });
});
