import {
  InvalidInput,
  InvalidTransition,
  NotFound,
  NotYetKnown,
  OutOfScope,
  RuleViolation,
  WrongKind,
} from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type AddMember,
  type CommitteeFormed,
  type MemberJoined,
  committeeDecider,
  partySharePercent,
} from './committee';
import type { DirectoryLookup } from './directory';

const given = deciderSpecification(committeeDecider);
const FORMED_AT = '2025-03-01T08:00:00.000Z';
const NOW = '2025-03-02T08:00:00.000Z';
const compound: DirectoryLookup = {
  id: 'compound-1',
  kind: 'compound',
  communityId: 'community-1',
  compoundId: null,
  tenure: null,
};
const resident = (
  id: string,
  compoundId = 'compound-1',
  tenure: 'owner' | 'tenant' | 'unknown' = 'owner',
): DirectoryLookup => ({
  id,
  kind: 'resident',
  communityId: 'community-1',
  compoundId,
  tenure,
});
const partyMember = (id: string, communityId = 'community-1'): DirectoryLookup => ({
  id,
  kind: 'party-member',
  communityId,
  compoundId: null,
  tenure: null,
});

const form = (
  overrides: Partial<{ compound: DirectoryLookup; termStart: string; termEnd: string }> = {},
) => ({
  type: 'FormCommittee' as const,
  data: {
    committeeId: 'committee-1',
    compound,
    termStart: '2025-01-01',
    termEnd: '2029-12-31',
    now: FORMED_AT,
    ...overrides,
  },
});

function formed(): CommitteeFormed {
  return {
    type: 'CommitteeFormed',
    data: {
      committeeId: 'committee-1',
      compoundId: 'compound-1',
      communityId: 'community-1',
      termStart: '2025-01-01',
      termEnd: '2029-12-31',
      formedAt: FORMED_AT,
    },
  };
}

function add(n: number, overrides: Partial<AddMember['data']> = {}): AddMember {
  return {
    type: 'AddMember',
    data: {
      committeeId: 'committee-1',
      memberId: `seat-${n}`,
      resident: resident(`resident-${n}`),
      role: 'member',
      partyMember: partyMember(`party-member-${n}`),
      background: 'party-member',
      minimumPartySharePercent: 50,
      now: NOW,
      ...overrides,
    },
  };
}

function joined(n: number, overrides: Partial<MemberJoined['data']> = {}): MemberJoined {
  return {
    type: 'MemberJoined',
    data: {
      committeeId: 'committee-1',
      memberId: `seat-${n}`,
      residentId: `resident-${n}`,
      role: 'member',
      partyMemberId: `party-member-${n}`,
      background: 'party-member',
      joinedAt: NOW,
      ...overrides,
    },
  };
}

const fellBelow = (partySharePercent: number, since = NOW, minimumPartySharePercent = 50) => ({
  type: 'PartyShareFellBelowMinimum' as const,
  data: { committeeId: 'committee-1', partySharePercent, minimumPartySharePercent, since },
});
const leave = (memberId: string) => ({
  type: 'RemoveMember' as const,
  data: { committeeId: 'committee-1', memberId, minimumPartySharePercent: 50, now: NOW },
});

const nonParty = { partyMember: null, background: 'other' as const };

describe('owners committee (业主委员会)', () => {
  describe('forming', () => {
    it('a committee is formed over a known compound for a term', () =>
      given([]).when(form()).then([formed()]));

    it('a compound not delivered here yet is not yet known', () =>
      given([])
        .when(form({ compound: { id: 'compound-9', kind: 'absent' } }))
        .thenThrows(NotYetKnown, /compound compound-9/));

    it('an id of something other than a compound is of the wrong kind', () =>
      given([])
        .when(form({ compound: resident('resident-1') }))
        .thenThrows(WrongKind));

    it('a term must end after it starts', () =>
      given([])
        .when(form({ termStart: '2025-01-01', termEnd: '2025-01-01' }))
        .thenThrows(InvalidInput, /end after/));

    it('a term names days of the calendar', () =>
      given([])
        .when(form({ termStart: '2025-02-30' }))
        .thenThrows(InvalidInput, /2025-02-30 is not a day/));

    it('a formation that never happened is called off, and then never happens', () => {
      const abandon = { type: 'AbandonFormation' as const, data: { committeeId: 'committee-1', now: NOW } };
      given([])
        .when(abandon)
        .then([{ type: 'FormationAbandoned', data: { committeeId: 'committee-1', abandonedAt: NOW } }]);
      given([{ type: 'FormationAbandoned', data: { committeeId: 'committee-1', abandonedAt: NOW } }])
        .when(form())
        .thenThrows(InvalidTransition, /abandoned/);
      given([formed()]).when(abandon).thenNothingHappens();
    });

    it('a committee is formed once', () => given([formed()]).when(form()).thenThrows(InvalidTransition));
  });

  describe('members', () => {
    it('a Party member joins; the share stays met', () =>
      given([formed()])
        .when(add(1))
        .then([joined(1)]));

    it('the first member who is no Party member takes the share below the minimum, recorded with its time', () =>
      given([formed()])
        .when(add(1, nonParty))
        .then([joined(1, { partyMemberId: null, background: 'other' }), fellBelow(0)]));

    it('one Party member of two meets a minimum of 50 %', () =>
      given([formed(), joined(1)])
        .when(add(2, nonParty))
        .then([joined(2, { partyMemberId: null, background: 'other' })]));

    it('one Party member of three does not: the committee becomes non-compliant, not refused', () =>
      given([formed(), joined(1), joined(2, { partyMemberId: null, background: 'other' })])
        .when(add(3, nonParty))
        .then([joined(3, { partyMemberId: null, background: 'other' }), fellBelow(33.3)]));

    it('the minimum is the configured one', () =>
      given([formed(), joined(1)])
        .when(add(2, { ...nonParty, minimumPartySharePercent: 60 }))
        .thenMatches([
          { type: 'MemberJoined' },
          {
            type: 'PartyShareFellBelowMinimum',
            data: { partySharePercent: 50, minimumPartySharePercent: 60 },
          },
        ]));

    it('a Party member joining a non-compliant committee restores the share', () =>
      given([formed(), joined(1, { partyMemberId: null }), fellBelow(0, FORMED_AT)])
        .when(add(2))
        .then([
          joined(2),
          {
            type: 'PartyShareRestored',
            data: {
              committeeId: 'committee-1',
              partySharePercent: 50,
              minimumPartySharePercent: 50,
              since: NOW,
            },
          },
        ]));

    it('a Party member leaving can take the share below the minimum', () =>
      given([formed(), joined(1), joined(2, { partyMemberId: null })])
        .when(leave('seat-1'))
        .then([
          { type: 'MemberLeft', data: { committeeId: 'committee-1', memberId: 'seat-1', leftAt: NOW } },
          fellBelow(0),
        ]));

    it('the last member leaving leaves no share to fall short', () =>
      given([formed(), joined(1, { partyMemberId: null }), fellBelow(0, FORMED_AT)])
        .when(leave('seat-1'))
        .thenMatches([
          { type: 'MemberLeft' },
          { type: 'PartyShareRestored', data: { partySharePercent: null } },
        ]));

    it('a seat nobody holds cannot be left', () =>
      given([formed()])
        .when(leave('seat-9'))
        .thenThrows(NotFound, /seat-9 not found in owners committee/));

    it('the committee has one chair', () =>
      given([formed(), joined(1, { role: 'chair' })])
        .when(add(2, { role: 'chair' }))
        .thenThrows(RuleViolation, /already has a chair/));

    it('a deputy joins beside the chair', () =>
      given([formed(), joined(1, { role: 'chair' })])
        .when(add(2, { role: 'deputy' }))
        .then([joined(2, { role: 'deputy' })]));

    it('a resident sits once', () =>
      given([formed(), joined(1)])
        .when(add(2, { resident: resident('resident-1') }))
        .thenThrows(RuleViolation, /already sits/));

    it('a Party member sits once', () =>
      given([formed(), joined(1)])
        .when(add(2, { partyMember: partyMember('party-member-1') }))
        .thenThrows(RuleViolation, /already sits/));

    it('a resident of another compound is out of scope', () =>
      given([formed()])
        .when(add(1, { resident: resident('resident-1', 'compound-2') }))
        .thenThrows(OutOfScope));

    it('a resident not delivered here yet is not yet known', () =>
      given([formed()])
        .when(add(1, { resident: { id: 'resident-1', kind: 'absent' } }))
        .thenThrows(NotYetKnown));

    it('a Party member not delivered yet is not yet known', () =>
      given([formed()])
        .when(add(1, { partyMember: { id: 'party-member-1', kind: 'absent' } }))
        .thenThrows(NotYetKnown));

    it('a Party member of another community is out of scope', () =>
      given([formed()])
        .when(add(1, { partyMember: partyMember('party-member-1', 'community-2') }))
        .thenThrows(OutOfScope));

    it('a resident id given as the Party member is of the wrong kind', () =>
      given([formed()])
        .when(add(1, { partyMember: resident('resident-2') }))
        .thenThrows(WrongKind));

    it('a retry of the same seat adds nothing', () =>
      given([formed(), joined(1)])
        .when(add(1))
        .thenNothingHappens());

    it('no member joins a committee not formed', () => given([]).when(add(1)).thenThrows(NotFound));
  });

  it('the share is given to one decimal, none without seats', () => {
    const seat = (partyMemberId: string | null) => ({ ...joined(1).data, partyMemberId });
    expect(partySharePercent([])).toBeNull();
    expect(partySharePercent([seat('p'), seat('q'), seat(null)])).toBe(66.7);
  });

  describe('members are owners living in the compound (业主)', () => {
    it('a tenant of the compound is refused, naming the rule', () =>
      given([formed()])
        .when(add(1, { resident: resident('resident-1', 'compound-1', 'tenant') }))
        .thenThrows(RuleViolation, /members-are-owners: resident resident-1 is a tenant/));

    it('a resident whose tenure was never recorded is refused: not an owner we know of', () =>
      given([formed()])
        .when(add(1, { resident: resident('resident-1', 'compound-1', 'unknown') }))
        .thenThrows(RuleViolation, /members-are-owners: resident resident-1 is not known to own/));

    it('an owner of the compound joins', () =>
      given([formed()])
        .when(add(1))
        .thenMatches([{ type: 'MemberJoined', data: { residentId: 'resident-1' } }]));
  });
});
