import type { ICommandHandler } from '@nestjs/cqrs';
import type { IntegrationEvent, IntegrationEventContract } from '@cogov/contracts';
import { schemaViolations } from '@cogov/context-kit';
import { type CommandContext, EventSourcedRepository, systemContext } from '@cogov/event-sourcing';
import { SqlEventStore } from '@cogov/event-store';
import { type DatabaseConfig, quoteIdent, SqlDatabase } from '@cogov/persistence';
import { accountDecider } from '../domain/account';
import { catalogueDecider } from '../domain/catalogue';
import { streetStandardsDecider } from '../domain/standards';
import {
  accountAggregate,
  type AccountRepository,
  catalogueAggregate,
  type CatalogueRepository,
  streetStandardsAggregate,
  type StreetStandardsRepository,
} from '../infrastructure/aggregates';
import { POINTS_BANK_ENTITIES } from '../infrastructure/entities';
import { pointsBankInbound } from '../infrastructure/inbound';
import { Earnings } from '../application/earnings';
import { Places } from '../application/places';
import {
  activities,
  communities,
  completions,
  placements,
  ratings,
  reviews,
  streets,
} from '../application/record-facts';

/**
 * The points bank's application over a real database and event store, without Nest: its
 * repositories, its services, and its inbound definitions with their handlers, so a test
 * delivers facts as the bus would (schema first, then the one command) and calls handlers.
 */
export async function pointsBankHarness(config: DatabaseConfig & { cleanup?(): void }, now: Date) {
  const db = await SqlDatabase.open(config, POINTS_BANK_ENTITIES);
  await db.synchronizeEntities();
  const store = new SqlEventStore(db);
  await store.ensureSchema();
  const accounts: AccountRepository = new EventSourcedRepository(store, {
    category: accountAggregate.category,
    ...accountDecider,
  });
  const catalogues: CatalogueRepository = new EventSourcedRepository(store, {
    category: catalogueAggregate.category,
    ...catalogueDecider,
  });
  const standards: StreetStandardsRepository = new EventSourcedRepository(store, {
    category: streetStandardsAggregate.category,
    ...streetStandardsDecider,
  });
  const places = new Places(db);
  const earnings = new Earnings(db, accounts, standards, places);
  const context = (actorId: string, key?: string): CommandContext =>
    systemContext(actorId, now, key ? { idempotencyKey: key, causationId: key } : {});
  const handlers = new Map<string, ICommandHandler>([
    [streets.Record.name, new streets.Handler(db)],
    ...[communities, placements, reviews, completions, ratings, activities].map(
      (fact) => [fact.Record.name, new fact.Handler(db, earnings)] as [string, ICommandHandler],
    ),
  ]);

  /** One fact through the manifest's own inbound definition and its handler. */
  async function deliver<E extends IntegrationEvent>(
    contract: IntegrationEventContract<E>,
    data: E['data'],
    eventId: string,
  ): Promise<void> {
    const violations = schemaViolations(contract, data);
    if (violations.length > 0) throw new Error(`${contract.type}: ${violations.join('; ')}`);
    const definition = pointsBankInbound.find((d) => d.contract === contract);
    if (!definition)
      throw new Error(`the points bank does not consume ${contract.type} v${contract.version}`);
    const command = definition.toCommand({ data } as IntegrationEvent, context('bus', eventId));
    const handler = handlers.get(command.constructor.name);
    if (!handler) throw new Error(`no handler for ${command.constructor.name}`);
    await handler.execute(command);
  }

  async function close(): Promise<void> {
    if (config.kind === 'postgres') {
      await db.dataSource.query(`DROP SCHEMA IF EXISTS ${quoteIdent(config.schema)} CASCADE`);
    }
    await db.close();
    config.cleanup?.();
  }

  return { db, accounts, catalogues, standards, places, earnings, context, deliver, close };
}
