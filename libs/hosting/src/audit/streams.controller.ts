import { Controller, Get, Inject, Injectable, Param } from '@nestjs/common';
import type { Request } from 'express';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { NotFound } from '@cogov/decider';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@cogov/event-store';
import { Access, type ResourceScope, type ScopeResolver } from '@cogov/security';

/**
 * A stream's scope is the community (or compound) its events name; every aggregate records one
 * in its first event.
 */
@Injectable()
export class StreamScope implements ScopeResolver {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async resolve(request: Request): Promise<ResourceScope | null> {
    return scopeOfStream(await this.store.readStream(String(request.params.streamId)));
  }
}

/** The scope of a stream, by its events (oldest first); null when it has none. */
export function scopeOfStream(events: readonly RecordedEvent[]): ResourceScope | null {
  const named = events.find(
    (e) => typeof e.data.communityId === 'string' || typeof e.data.compoundId === 'string',
  );
  if (events.length === 0) return null;
  return {
    communityId: typeof named?.data.communityId === 'string' ? named.data.communityId : null,
    compoundId: typeof named?.data.compoundId === 'string' ? named.data.compoundId : null,
  };
}

export class RecordedEventView {
  @ApiProperty({ format: 'uuid' }) eventId!: string;
  @ApiProperty() type!: string;
  @ApiProperty({ type: 'integer', minimum: 1 }) schemaVersion!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) streamRevision!: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) globalPosition!: number;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty() actorId!: string;
  @ApiProperty({ type: String, nullable: true }) onBehalfOf!: string | null;
  @ApiProperty() correlationId!: string;
  @ApiProperty() causationId!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event as stored' })
  data!: Record<string, unknown>;
}

export class StreamHistoryResponse {
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: 'integer', minimum: 0 }) revision!: number;
  @ApiProperty({ type: [RecordedEventView] }) events!: RecordedEventView[];
}

/** For auditors: the raw, append-only history of one aggregate, with every event's metadata. */
@ApiTags('audit')
@Controller('streams')
export class StreamsController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Get(':streamId')
  @Access({ roles: ['platform-admin', 'auditor'], scope: StreamScope })
  @ApiOperation({
    operationId: 'getStream',
    summary: 'The raw history of one aggregate, oldest first, with all metadata',
  })
  @ApiOkResponse({ type: StreamHistoryResponse })
  async history(@Param('streamId') streamId: string) {
    const events = await this.store.readStream(streamId);
    if (events.length === 0) throw new NotFound('stream', streamId);
    return {
      streamId,
      revision: events[events.length - 1]!.streamRevision,
      events: events.map(view),
    };
  }
}

/** A stored event with all its metadata, as auditors are shown it. */
export function view(e: RecordedEvent) {
  return {
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
  };
}
