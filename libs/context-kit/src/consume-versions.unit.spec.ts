import type { ICommand } from '@nestjs/cqrs';
import { orderPlacedV1, orderPlacedV2 } from '@cogov/contracts';
import { systemContext } from '@cogov/event-sourcing';
import { consumeVersions, type InboundDefinition } from './inbound';

class OpenOrder implements ICommand {
  constructor(readonly orderId: string) {}
}

/** The versions a context accepts of one fact: one definition each, each with its own schema, one command. */
describe('consuming several versions of a fact', () => {
  const definitions: InboundDefinition[] = consumeVersions(
    [orderPlacedV1, orderPlacedV2],
    ({ data }) => new OpenOrder(data.orderId),
  );

  it('declares one definition per version, each checked against its own contract', () =>
    expect(definitions.map((d) => [d.contract.type, d.contract.version])).toEqual([
      ['residents-committee.order-placed', 1],
      ['residents-committee.order-placed', 2],
    ]));

  it('maps every version to the same command', () => {
    const context = systemContext('test', new Date());
    for (const definition of definitions) {
      const command = definition.toCommand({ data: { orderId: 'order-1' } } as never, context);
      expect(command).toEqual(new OpenOrder('order-1'));
    }
  });
});
