import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@cogov/event-store';
import { EventSourcedRepository } from '@cogov/event-sourcing';
import { INTEGRATION_EVENT_BUS, type IntegrationEventBus } from '@cogov/messaging';
import { PROJECTION_RUNNER, type ProjectionRunner } from '@cogov/projections';
import type { RepositoryOf } from './aggregate';
import type { AnyAggregate, ContextManifest } from './define-context';
import { subscriptionOf } from './inbound';
import { outboundMapper } from './outbound';

/**
 * `full`: the context's HTTP API, its handlers, its bus wiring and its projections.
 * `projections`: its read models only (the projections process of the cluster).
 */
export type ContextMode = 'full' | 'projections';

/**
 * Turns a manifest into the context's Nest module: a repository per aggregate, the scope
 * resolvers, the handlers and controllers, the consumer group (validated inbound facts become
 * commands), the outbound mapping and the projections. The host provides the event store, the
 * bus, the projection runner and the clock (InfrastructureModule) and starts them.
 */
export function contextModule(manifest: ContextManifest, mode: ContextMode = 'full'): DynamicModule {
  const wiring: Provider = {
    provide: Symbol(`${manifest.name}:wiring`),
    useFactory: (bus: IntegrationEventBus, runner: ProjectionRunner, commands: CommandBus) => {
      for (const projection of manifest.projections) runner.register(projection);
      if (mode === 'full') {
        if (manifest.publishes) {
          const aggregates = Object.values(manifest.aggregates);
          bus.publishFrom(
            manifest.name,
            outboundMapper(manifest.name, aggregates, manifest.upcasters, manifest.publishes),
          );
        }
        if (manifest.consumes.length > 0) {
          bus.subscribe(
            subscriptionOf(manifest.name, manifest.consumes, (command) => commands.execute(command)),
          );
        }
      }
      return manifest.name;
    },
    inject: [INTEGRATION_EVENT_BUS, PROJECTION_RUNNER, CommandBus],
  };
  const repositories: Provider[] = Object.values(manifest.aggregates).map((definition) => ({
    provide: definition.token,
    useFactory: (store: EventStore) => repositoryFor(manifest, definition, store),
    inject: [EVENT_STORE],
  }));
  @Module({})
  class ContextModule {}
  Object.defineProperty(ContextModule, 'name', { value: `${pascal(manifest.name)}Context` });
  return {
    module: ContextModule,
    imports: [CqrsModule],
    controllers: mode === 'full' ? [...manifest.controllers] : [],
    providers:
      mode === 'full' ? [...repositories, ...manifest.scopes, ...manifest.handlers, wiring] : [wiring],
  };
}

/**
 * The repository of one of the manifest's aggregates: its decider, the context's upcasters. The
 * kit provides it to handlers; auditors' reads of past states build the same one.
 */
export function repositoryFor<A extends AnyAggregate>(
  manifest: Pick<ContextManifest, 'upcasters'>,
  definition: A,
  store: EventStore,
): RepositoryOf<A> {
  return new EventSourcedRepository<
    ReturnType<A['decider']['initialState']>,
    Parameters<A['decider']['evolve']>[1]
  >(store, {
    category: definition.category,
    initialState: definition.decider.initialState as () => ReturnType<A['decider']['initialState']>,
    evolve: definition.decider.evolve as RepositoryEvolve<A>,
    upcasters: manifest.upcasters,
  });
}

type RepositoryEvolve<A extends AnyAggregate> = (
  state: ReturnType<A['decider']['initialState']>,
  event: Parameters<A['decider']['evolve']>[1],
) => ReturnType<A['decider']['initialState']>;

const pascal = (name: string) => name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
