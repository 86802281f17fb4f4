import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFound } from '@cogov/event-sourcing';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';

/** For auditors: the raw, append-only history of one aggregate, with every event's metadata. */
@ApiTags('audit')
@Controller('streams')
export class StreamsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':streamId')
  @ApiOperation({ summary: 'The raw history of one aggregate, oldest first, with all metadata' })
  async history(@Param('streamId') streamId: string) {
    const events = await this.store.readStream(streamId);
    if (events.length === 0) throw new NotFound('stream', streamId);
    return {
      streamId,
      revision: events[events.length - 1]!.streamRevision,
      events: events.map((e) => ({
        eventId: e.eventId,
        type: e.type,
        schemaVersion: e.schemaVersion,
        streamRevision: e.streamRevision,
        globalPosition: e.globalPosition,
        recordedAt: e.recordedAt.toISOString(),
        actorId: e.metadata.actorId,
        onBehalfOf: e.metadata.onBehalfOf ?? null,
        correlationId: e.metadata.correlationId,
        causationId: e.metadata.causationId,
        data: e.data,
      })),
    };
  }
}
