import {
  type IntegrationEvent,
  type IntegrationEventContract,
  residentFlagsSetV1,
  volunteerActivityConfirmedV1,
} from '@cogov/contracts';
import { schemaViolations } from '@cogov/context-kit';
import { systemContext } from '@cogov/event-sourcing';
import { CreditVolunteerActivityCommand, RecordResidentFlagsCommand } from '../application/record-duty';
import { partyOrganizationInbound } from './inbound';

const context = systemContext('test', new Date('2026-11-21T02:00:00.000Z'));

/** The one command the Party organization makes of a residents' committee's fact. */
function commandOf<E extends IntegrationEvent>(contract: IntegrationEventContract<E>, data: E['data']) {
  expect(schemaViolations(contract, data)).toEqual([]);
  const definition = partyOrganizationInbound.find((d) => d.contract === contract);
  if (!definition) throw new Error(`the Party organization does not consume ${contract.type}`);
  return definition.toCommand({ data } as IntegrationEvent, context);
}

describe('the residents’ committee’s volunteer facts the Party organization consumes', () => {
  it('a confirmed activity becomes one command naming the activity and its participants, nothing else', () => {
    const command = commandOf(volunteerActivityConfirmedV1, {
      activityId: 'a1',
      communityId: 'm1',
      streetId: 's1',
      teamId: 't1',
      kind: 'elderly-care',
      title: 'Visiting the elderly',
      date: '2026-11-20',
      hours: 2.5,
      participantIds: ['member-1', 'resident-1'],
      confirmedBy: 'staff-1',
      confirmedAt: '2026-11-21T02:00:00.000Z',
    });
    expect(command).toBeInstanceOf(CreditVolunteerActivityCommand);
    expect((command as InstanceType<typeof CreditVolunteerActivityCommand>).input).toEqual({
      activityId: 'a1',
      communityId: 'm1',
      title: 'Visiting the elderly',
      date: '2026-11-20',
      hours: 2.5,
      participantIds: ['member-1', 'resident-1'],
    });
  });

  it('a resident’s flags become one directory row, the whole set, with when it was set', () => {
    const command = commandOf(residentFlagsSetV1, {
      residentId: 'r1',
      communityId: 'm1',
      flags: ['living-alone-elderly', 'disabled'],
      setAt: '2026-01-10T08:00:00.000Z',
    });
    expect(command).toBeInstanceOf(RecordResidentFlagsCommand);
    expect((command as InstanceType<typeof RecordResidentFlagsCommand>).entry).toEqual({
      residentId: 'r1',
      communityId: 'm1',
      flags: 'living-alone-elderly,disabled',
      setAt: '2026-01-10T08:00:00.000Z',
    });
  });

  it('a flags set that names no flag clears them', () => {
    const command = commandOf(residentFlagsSetV1, {
      residentId: 'r1',
      communityId: 'm1',
      flags: [],
      setAt: '2026-02-10T08:00:00.000Z',
    });
    expect((command as InstanceType<typeof RecordResidentFlagsCommand>).entry).toMatchObject({ flags: '' });
  });
});
