import { type Decider, assertNever } from '@cogov/decider';

/** A Party member (党员) the Party organization published: the id and community, nothing personal. */
export type RecordPartyMember = {
  type: 'RecordPartyMember';
  data: { memberId: string; communityId: string };
};

export type PartyMemberRecorded = { type: 'PartyMemberRecorded'; data: RecordPartyMember['data'] };

export type PartyMemberDirectoryEntry =
  { status: 'absent' } | { status: 'known'; memberId: string; communityId: string };

export const initialState = (): PartyMemberDirectoryEntry => ({ status: 'absent' });

export function decide(command: RecordPartyMember, state: PartyMemberDirectoryEntry): PartyMemberRecorded[] {
  switch (command.type) {
    case 'RecordPartyMember':
      return state.status === 'absent' ? [{ type: 'PartyMemberRecorded', data: { ...command.data } }] : [];
    default:
      return assertNever(command.type);
  }
}

export function evolve(
  _state: PartyMemberDirectoryEntry,
  event: PartyMemberRecorded,
): PartyMemberDirectoryEntry {
  switch (event.type) {
    case 'PartyMemberRecorded':
      return { status: 'known', ...event.data };
    default:
      return assertNever(event.type);
  }
}

export const partyMemberDirectoryDecider: Decider<
  RecordPartyMember,
  PartyMemberDirectoryEntry,
  PartyMemberRecorded
> = { initialState, decide, evolve };
