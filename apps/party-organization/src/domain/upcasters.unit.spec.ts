import type { RecordedEvent } from '@cogov/event-store';
import { UpcasterRegistry } from '@cogov/event-sourcing';
import { partyOrganizationUpcasters } from './upcasters';

const registry = new UpcasterRegistry(partyOrganizationUpcasters);

describe('party organization schema history', () => {
  it('writes OrganizationFounded at v2', () =>
    expect(registry.currentVersion('OrganizationFounded')).toBe(2));

  it('reads a v1 founding as belonging to no company', () => {
    const stored: RecordedEvent = {
      eventId: 'e1',
      type: 'OrganizationFounded',
      schemaVersion: 1,
      data: { organizationId: 'b1', kind: 'branch', compoundIds: ['k1'], buildingIds: [] },
      metadata: { actorId: 'admin', correlationId: 'c', causationId: null },
      streamId: 'party-organization.organization-b1',
      streamRevision: 0,
      globalPosition: 4,
      recordedAt: new Date('2026-03-01T10:00:00.000Z'),
    };
    expect(registry.upcast(stored)).toMatchObject({
      schemaVersion: 2,
      data: { organizationId: 'b1', kind: 'branch', companyId: null },
    });
  });
});
