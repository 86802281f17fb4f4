import type { IntegrationEvent, IntegrationEventContract } from '@cogov/contracts';
import type { DomainEvent } from '@cogov/decider';
import type { RecordedEvent } from '@cogov/event-store';
import type { OutboundMapping, Publisher } from '../outbound';
import { schemaViolations } from '../inbound';

export interface Published {
  readonly type: string;
  readonly version: number;
  readonly key: string;
  readonly data: unknown;
  /** What the payload breaks of its contract's schema: a test expects none. */
  readonly violations: string[];
}

/**
 * For a context's outbound tests: what its mapping publishes of one of its events, each payload
 * checked against its contract's schema.
 */
export function publishedBy<Event extends DomainEvent>(mapping: OutboundMapping<Event>) {
  return (event: Event): Published[] => {
    const sent: Published[] = [];
    const out: Publisher = {
      recorded: {} as RecordedEvent,
      publish: (contract: IntegrationEventContract, key: string, data: unknown) => {
        sent.push({
          type: contract.type,
          version: contract.version,
          key,
          data,
          violations: schemaViolations(contract, data),
        });
        return [] as IntegrationEvent[];
      },
    };
    mapping(event, out);
    return sent;
  };
}
