import { contextServing } from './context-routes';

/** Each route is served by the app of the context whose controller declares it. */
describe('cluster routing', () => {
  it.each([
    ['POST', '/api/orders', 'residents-committee'],
    ['GET', '/api/orders/o-1', 'residents-committee'],
    ['POST', '/api/orders/o-1/dispatch', 'residents-committee'],
    ['POST', '/api/orders/o-1/review', 'party-organization'],
    ['POST', '/api/orders/o-1/take', 'party-organization'],
    ['POST', '/api/orders/o-1/arrival', 'party-organization'],
    ['POST', '/api/party/organizations', 'party-organization'],
    ['POST', '/api/owners-committees', 'owners-committee'],
    ['POST', '/api/property-companies/c-1/orders/o-1/arrival', 'property-company'],
    ['GET', '/api/property-companies/c-1', 'property-company'],
    ['POST', '/api/building-leaders/b-1/visits', 'building-leaders'],
    ['GET', '/api/building-leaders/opinions?compoundId=k', 'building-leaders'],
    ['GET', '/api/linkage/compounds/k-1', 'boards'],
    ['GET', '/api/linkage/streets/s-1', 'boards'],
    ['GET', '/api/rates', 'boards'],
  ] as const)('%s %s goes to %s', (method, route, context) => {
    expect(contextServing(method, route)).toBe(context);
  });

  it('a route no context declares (the hosts’ own: streams, partner keys) is nobody’s', () => {
    expect(contextServing('GET', '/api/streams/residents-committee.order-1')).toBeUndefined();
  });
});
