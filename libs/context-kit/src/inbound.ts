import type { ICommand } from '@nestjs/cqrs';
import Ajv, { type ValidateFunction } from 'ajv';
import type { IntegrationEvent, IntegrationEventContract } from '@cogov/contracts';
import type { CommandContext } from '@cogov/event-sourcing';
import {
  commandContextOf,
  type InboundHandler,
  PermanentDeliveryFailure,
  type Subscription,
} from '@cogov/messaging';

/**
 * A foreign fact a context consumes: the contract (type, version, schema) it accepts, and the one
 * command of its own it becomes. `toCommand` names each field it takes (never spreads the foreign
 * payload), so a field the publisher adds later cannot slip into our history.
 */
export interface InboundDefinition<E extends IntegrationEvent = IntegrationEvent> {
  readonly contract: IntegrationEventContract<E>;
  readonly toCommand: (event: E, context: CommandContext) => ICommand;
}

/** Declares a consumed fact; the event type is checked here, then erased for the manifest's list. */
export function consume<E extends IntegrationEvent>(
  contract: IntegrationEventContract<E>,
  toCommand: (event: E, context: CommandContext) => ICommand,
): InboundDefinition {
  return { contract, toCommand } as unknown as InboundDefinition;
}

/**
 * Declares the versions of one fact a context accepts, all becoming the same command: the mapping
 * reads only what every version carries (a later version's additions it does not need). One
 * definition per version, so each is validated against its own schema.
 */
export function consumeVersions<Cs extends readonly IntegrationEventContract[]>(
  contracts: Cs,
  toCommand: (event: EventOfContract<Cs[number]>, context: CommandContext) => ICommand,
): InboundDefinition[] {
  return contracts.map((contract) =>
    consume(contract, toCommand as (event: IntegrationEvent, context: CommandContext) => ICommand),
  );
}

/** The event a contract describes; over a union of contracts, the union of their events. */
type EventOfContract<C> = C extends IntegrationEventContract<infer E> ? E : never;

// One validator for the whole process: schemas are compiled once and cached by object identity.
const ajv = new Ajv({ allErrors: true, strict: true });
const validators = new WeakMap<object, ValidateFunction>();

function validatorOf(contract: IntegrationEventContract): ValidateFunction {
  let validate = validators.get(contract.schema);
  if (!validate) {
    validate = ajv.compile(contract.schema);
    validators.set(contract.schema, validate);
  }
  return validate;
}

/** Why a payload does not satisfy its contract, readable by an operator. */
export function schemaViolations(contract: IntegrationEventContract, data: unknown): string[] {
  const validate = validatorOf(contract);
  if (validate(data)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

/**
 * The consumer group of a context: every consumed type, with the versions it accepts. A payload
 * that fails its version's schema, or a version nobody declared, is a permanent failure (the bus
 * dead-letters it at once and nothing is written); a valid one becomes its command.
 */
export function subscriptionOf(
  group: string,
  consumes: readonly InboundDefinition[],
  execute: (command: ICommand) => Promise<unknown>,
): Subscription {
  const byType = new Map<string, Map<number, InboundDefinition>>();
  for (const definition of consumes) {
    const { type, version } = definition.contract;
    const versions = byType.get(type) ?? new Map<number, InboundDefinition>();
    if (versions.has(version)) throw new Error(`${group} consumes ${type} v${version} twice`);
    versions.set(version, definition);
    byType.set(type, versions);
    validatorOf(definition.contract); // a broken schema fails at start-up, not at the first event
  }
  const handlers: Record<string, InboundHandler> = {};
  for (const [type, versions] of byType) {
    handlers[type] = {
      versions: [...versions.keys()],
      handle: async (event) => {
        // The bus dead-letters a version not in `versions` before calling this (ADR 16).
        const definition = versions.get(event.version)!;
        const violations = schemaViolations(definition.contract, event.data);
        if (violations.length > 0) {
          throw new PermanentDeliveryFailure(
            `${type} v${event.version} ${event.eventId} does not satisfy its schema: ${violations.join('; ')}`,
            { type, version: event.version, eventId: event.eventId, violations },
          );
        }
        await execute(definition.toCommand(event, commandContextOf(event)));
      },
    };
  }
  return { group, handlers };
}
