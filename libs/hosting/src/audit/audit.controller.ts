import { Controller, Get, Inject, NotImplementedException, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { aggregateOfStream, type ContextManifest, repositoryFor } from '@cogov/context-kit';
import { InvalidInput, NotFound } from '@cogov/decider';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@cogov/event-store';
import { ApiQueryFrom } from '@cogov/http';
import { Access, Caller, inScope, type Principal, type ResourceScope } from '@cogov/security';
import { plain } from './plain';
import { RecordedEventView, scopeOfStream, StreamScope, view } from './streams.controller';

/** The manifests whose aggregates the auditors' routes read: every context the host runs. */
export const AUDITED_CONTEXTS = Symbol('AuditedContexts');

export const SEARCH_LIMIT_DEFAULT = 100;
export const SEARCH_LIMIT_MAX = 1000;

export class StateAtQueryDto {
  @JSONSchema({ description: 'A moment (ISO 8601): events recorded at or before it are folded' })
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;

  @JSONSchema({ description: 'A global position: events at or before it are folded' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  position?: number;
}

export class EventSearchQueryDto {
  @IsOptional() @IsString() @Length(1, 200) actorId?: string;
  @IsOptional() @IsString() @Length(1, 200) correlationId?: string;
  @IsOptional() @IsString() @Length(1, 200) type?: string;
  @IsOptional() @IsString() @Length(1, 300) streamId?: string;
  @JSONSchema({ description: 'Recorded at or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @JSONSchema({ description: 'Recorded at or before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  @JSONSchema({ description: 'Events strictly after this global position (the `nextAfter` of a page)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  after?: number;
  @JSONSchema({ default: SEARCH_LIMIT_DEFAULT })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(SEARCH_LIMIT_MAX)
  limit?: number;
}

export class StreamStateResponse {
  @ApiProperty() streamId!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'The moment asked for' })
  at!: string | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The global position asked for' })
  position!: number | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'The revision of the last event folded; null before the stream’s first event',
  })
  revision!: number | null;
  // A nullable object inline: a nullable `$ref` would still apply the referred schema to null.
  @ApiProperty({
    type: 'object',
    nullable: true,
    selfRequired: true,
    required: ['position', 'recordedAt'],
    properties: {
      position: { type: 'integer', minimum: 0 },
      recordedAt: { type: 'string', format: 'date-time' },
    },
    description: 'The last event folded; null before the stream’s first event',
  })
  lastEvent!: { position: number; recordedAt: string } | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The decider’s state' })
  state!: Record<string, unknown>;
}

export class SearchedEventView extends RecordedEventView {
  @ApiProperty() streamId!: string;
}

export class EventSearchResponse {
  @ApiProperty({ type: [SearchedEventView] }) events!: SearchedEventView[];
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'Pass as `after` for the next page; null when the search has no more events',
  })
  nextAfter!: number | null;
}

/**
 * For auditors: an aggregate's state at a past moment, folded by its own decider over its
 * history as the repository reads it, and a search of every stored event by who, why and when.
 */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AUDITED_CONTEXTS) private readonly contexts: readonly ContextManifest[],
  ) {}

  @Get('streams/:streamId/state')
  @Access({ roles: ['platform-admin', 'auditor'], scope: StreamScope })
  @ApiOperation({
    operationId: 'getStreamStateAt',
    summary: 'The aggregate’s state as it was at a moment (`at`) or a global position (`position`)',
  })
  @ApiQueryFrom(StateAtQueryDto)
  @ApiOkResponse({ type: StreamStateResponse })
  async stateAt(@Param('streamId') streamId: string, @Query() query: StateAtQueryDto) {
    const moment = momentOf(query);
    const found = aggregateOfStream(this.contexts, streamId);
    if (!found) throw new NotFound('aggregate category', streamId);
    const repository = repositoryFor(found.context, found.definition, this.store);
    const loaded = await repository.loadUntil(found.id, moment.includes);
    if (!loaded.exists) throw new NotFound('stream', streamId);
    const last = loaded.events[loaded.events.length - 1];
    return {
      streamId,
      at: moment.at,
      position: moment.position,
      revision: loaded.revision === 'no-stream' ? null : loaded.revision,
      lastEvent: last ? { position: last.globalPosition, recordedAt: last.recordedAt.toISOString() } : null,
      state: plain(loaded.state),
    };
  }

  @Get('events')
  @Access({ roles: ['platform-admin', 'auditor'] })
  @ApiOperation({
    operationId: 'searchEvents',
    summary:
      'Every stored event by actor, correlation id, type, stream and recorded time, in global order; ' +
      'callers other than platform admins see only the streams of their scope',
  })
  @ApiQueryFrom(EventSearchQueryDto)
  @ApiOkResponse({ type: EventSearchResponse })
  async search(@Query() query: EventSearchQueryDto, @Caller() caller: Principal) {
    if (!this.store.search) {
      throw new NotImplementedException({
        error: 'not-supported-by-store',
        message: 'this event store cannot search events by their metadata',
        details: null,
      });
    }
    const from = query.from === undefined ? undefined : new Date(query.from);
    const to = query.to === undefined ? undefined : new Date(query.to);
    if (from && to && from > to) throw new InvalidInput('from is after to', { field: 'from' });
    const limit = query.limit ?? SEARCH_LIMIT_DEFAULT;
    const scanned = await this.store.search({
      ...(query.actorId !== undefined ? { actorId: query.actorId } : {}),
      ...(query.correlationId !== undefined ? { correlationId: query.correlationId } : {}),
      ...(query.type !== undefined ? { type: query.type } : {}),
      ...(query.streamId !== undefined ? { streamId: query.streamId } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      after: query.after ?? 0,
      limit,
    });
    const visible = await this.withinScope(scanned, caller);
    return {
      events: visible.map((e) => ({ ...view(e), streamId: e.streamId })),
      // A full page may have more after it; a page thinned by scope still moves past what it read.
      nextAfter: scanned.length === limit ? scanned[scanned.length - 1]!.globalPosition : null,
    };
  }

  /** The events of streams in the caller's scope, by the rule of `GET /api/streams/:streamId`. */
  private async withinScope(events: readonly RecordedEvent[], caller: Principal): Promise<RecordedEvent[]> {
    if (caller.roles.includes('platform-admin')) return [...events];
    const scopes = new Map<string, ResourceScope | null>();
    for (const streamId of new Set(events.map((e) => e.streamId))) {
      scopes.set(streamId, scopeOfStream(await this.store.readStream(streamId)));
    }
    return events.filter((e) => {
      const scope = scopes.get(e.streamId);
      return scope !== null && scope !== undefined && inScope(caller, scope);
    });
  }
}

/** Exactly one of `at` and `position`, as a test on stored events. */
export function momentOf(query: StateAtQueryDto): {
  at: string | null;
  position: number | null;
  includes: (e: RecordedEvent) => boolean;
} {
  if ((query.at === undefined) === (query.position === undefined)) {
    throw new InvalidInput('name exactly one of at and position', { fields: ['at', 'position'] });
  }
  if (query.at !== undefined) {
    const at = new Date(query.at);
    if (Number.isNaN(at.getTime())) throw new InvalidInput('at is not a time', { field: 'at' });
    return {
      at: at.toISOString(),
      position: null,
      includes: (e) => e.recordedAt.getTime() <= at.getTime(),
    };
  }
  const position = query.position!;
  return { at: null, position, includes: (e) => e.globalPosition <= position };
}
