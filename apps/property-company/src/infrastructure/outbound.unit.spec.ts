import type { IntegrationEvent, IntegrationEventContract } from '@cogov/contracts';
import { type Publisher, schemaViolations } from '@cogov/context-kit';
import type { RecordedEvent } from '@cogov/event-store';
import type { CompanyEvent } from '../domain/company';
import { propertyCompanyOutbound } from './outbound';

/** The contracts and payloads the mapping published, each checked against its schema. */
function published(event: CompanyEvent) {
  const sent: Array<{ type: string; key: string; data: unknown; violations: string[] }> = [];
  const out: Publisher = {
    recorded: {} as RecordedEvent,
    publish: (contract: IntegrationEventContract, key: string, data: unknown) => {
      sent.push({ type: contract.type, key, data, violations: schemaViolations(contract, data) });
      return [] as IntegrationEvent[];
    },
  };
  propertyCompanyOutbound(event, out);
  return sent;
}

describe('what the property company publishes', () => {
  it('a red-property rule’s status, for the company’s partner system and anyone else', () => {
    const data = {
      companyId: 'c1',
      rule: 'party-organization',
      status: 'not-met',
      since: '2026-12-02T08:00:00.000Z',
    } as const;
    expect(published({ type: 'RedPropertyRuleAssessed', data })).toEqual([
      { type: 'property-company.red-property-rule-assessed', key: 'c1', data, violations: [] },
    ]);
  });

  it('nothing of the headcount itself', () =>
    expect(
      published({
        type: 'HeadcountChanged',
        data: { companyId: 'c1', staffCount: 3, fullPartyMemberCount: 1, changedAt: '2026-12-02T08:00:00Z' },
      }),
    ).toEqual([]));
});
