import { eventStoreContract } from '../testing/event-store.contract';
import { EsdbEventStore } from './esdb-event-store';

/**
 * The contract suite against a real EventStoreDB. No server can be installed on this project's
 * machines (see docs/adr/0007-eventstoredb-client.md), so this runs only where one is reachable:
 *   docker run -p 2113:2113 -e EVENTSTORE_INSECURE=true eventstore/eventstore:24.10
 *   EVENTSTORE_CONNECTION_STRING='esdb://127.0.0.1:2113?tls=false' npm test -- esdb
 */
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  eventStoreContract('EventStoreDB', () => {
    const store = EsdbEventStore.fromConnectionString(connectionString);
    return Promise.resolve({ store, close: () => store.close() });
  });
} else {
  describe('event store contract: EventStoreDB', () => {
    it.skip('needs EVENTSTORE_CONNECTION_STRING: no EventStoreDB server can run on these machines', () =>
      undefined);
  });
}
