import type { EntityManager } from 'typeorm';
import type { RecordedEvent } from '@cogov/event-store';
import type { Projection } from '@cogov/projections';
import type { ResidentEvent } from '../../domain/resident';
import { inCategory } from '@cogov/context-kit';
import { residentAggregate } from '../aggregates';
import { ResidentView } from './resident-view.entity';

export const residentsProjection: Projection = {
  name: 'residents-committee.residents',
  version: 2,
  entities: [ResidentView],
  handles: (event) => inCategory(residentAggregate, event.streamId),
  async apply(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    for (const recorded of events) {
      const event = { type: recorded.type, data: recorded.data } as ResidentEvent;
      if (event.type === 'ResidentFlagsSet') {
        await manager
          .getRepository(ResidentView)
          .update({ residentId: event.data.residentId }, { flags: [...event.data.flags] });
        continue;
      }
      if (event.type !== 'ResidentRegistered') continue;
      const { residentId, communityId, compoundId, buildingId, name, phone, registeredAt } = event.data;
      await manager
        .getRepository(ResidentView)
        .upsert({ residentId, communityId, compoundId, buildingId, name, phone, registeredAt }, [
          'residentId',
        ]);
    }
  },
};
