import type { Provider, Type } from '@nestjs/common';
import type { EntitySchema } from 'typeorm';
import type { UpcasterSteps } from '@cogov/decider';
import { UpcasterRegistry } from '@cogov/event-sourcing';
import type { RecordedEvent } from '@cogov/event-store';
import type { Projection } from '@cogov/projections';
import type { ScopeResolver } from '@cogov/security';
import type { AggregateDefinition } from './aggregate';
import type { InboundDefinition } from './inbound';
import type { OutboundMapping } from './outbound';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAggregate = AggregateDefinition<any, any, any>;
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type Entity = Function | EntitySchema;

/** What a context declares about itself; `defineContext` checks it and the kit builds the rest. */
export interface ContextSpec {
  /** `residents-committee`: the stream category prefix, consumer group, schema and app name. */
  readonly name: string;
  /** The HTTP port when the context runs as its own app. */
  readonly port: number;
  readonly aggregates: Readonly<Record<string, AnyAggregate>>;
  /** One registry per context: the repository, the projections and the outbound mapping use it. */
  readonly upcasters?: UpcasterSteps;
  readonly publishes?: OutboundMapping<never>;
  readonly consumes?: readonly InboundDefinition[];
  readonly projections?: readonly Projection[];
  readonly scopes?: ReadonlyArray<Type<ScopeResolver>>;
  /** Tables that are not a projection's (e.g. what the context keeps of others' facts). */
  readonly entities?: readonly Entity[];
  readonly controllers?: readonly Type[];
  /** Command and query handlers. */
  readonly handlers?: readonly Provider[];
}

export interface ContextManifest extends Required<Omit<ContextSpec, 'upcasters' | 'publishes'>> {
  readonly upcasters: UpcasterRegistry;
  readonly publishes: OutboundMapping<never> | null;
  /** Every table the context owns: its projections' and its own. */
  readonly allEntities: readonly Entity[];
}

/**
 * A bounded context as one declared unit. Its projections are returned reading through the
 * context's upcasters, so whoever runs them (the host, a rebuild, the bench) sees current shapes.
 */
export function defineContext(spec: ContextSpec): ContextManifest {
  if (!/^[a-z]+(-[a-z]+)*$/.test(spec.name)) throw new Error(`context name ${spec.name} is not kebab-case`);
  for (const [key, definition] of Object.entries(spec.aggregates)) {
    if (!definition.category.startsWith(`${spec.name}.`)) {
      throw new Error(
        `${spec.name}: aggregate ${key} has category ${definition.category}, outside the context`,
      );
    }
  }
  const upcasters = new UpcasterRegistry(spec.upcasters ?? {});
  const owns = (streamId: string) => streamId.startsWith(`${spec.name}.`);
  const projections = (spec.projections ?? []).map((p) => upcasting(p, upcasters, owns));
  const entities = spec.entities ?? [];
  return {
    name: spec.name,
    port: spec.port,
    aggregates: spec.aggregates,
    upcasters,
    publishes: spec.publishes ?? null,
    consumes: spec.consumes ?? [],
    projections,
    scopes: spec.scopes ?? [],
    entities,
    allEntities: [...new Set([...entities, ...projections.flatMap((p) => p.entities)])],
    controllers: spec.controllers ?? [],
    handlers: spec.handlers ?? [],
  };
}

function upcasting(
  projection: Projection,
  upcasters: UpcasterRegistry,
  owns: (streamId: string) => boolean,
): Projection {
  // `handles` and `apply` see the same event: an old one is upcast once, not once for each.
  const upcast = new WeakMap<RecordedEvent, RecordedEvent>();
  const current = (event: RecordedEvent): RecordedEvent => {
    if (!owns(event.streamId)) return event;
    let now = upcast.get(event);
    if (!now) {
      now = upcasters.upcast(event);
      upcast.set(event, now);
    }
    return now;
  };
  return {
    name: projection.name,
    version: projection.version,
    entities: projection.entities,
    handles: (event) => projection.handles(current(event)),
    apply: (events, manager) => projection.apply(events.map(current), manager),
  };
}
