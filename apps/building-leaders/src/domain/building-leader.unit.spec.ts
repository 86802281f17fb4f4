import { InvalidInput, InvalidTransition, NotFound, NotYetKnown, OutOfScope } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type BuildingLeaderEvent,
  type NamedResident,
  type NominateLeader,
  buildingLeaderDecider,
} from './building-leader';
import type { CompoundDirectory } from './compound-directory';

const given = deciderSpecification(buildingLeaderDecider);
const NOW = '2025-03-01T08:00:00.000Z';
const COMPOUND: CompoundDirectory = {
  status: 'known',
  compoundId: 'compound-1',
  communityId: 'community-1',
  buildingIds: ['building-1', 'building-2'],
};

const resident = (
  residentId = 'resident-1',
  compoundId = 'compound-1',
  buildingId = 'building-1',
): NamedResident => ({
  residentId,
  entry: { status: 'known', residentId, communityId: 'community-1', compoundId, buildingId },
});
const unknownResident = (residentId = 'resident-9'): NamedResident => ({
  residentId,
  entry: { status: 'absent' },
});

const nominate = (overrides: Partial<NominateLeader['data']> = {}): NominateLeader => ({
  type: 'NominateLeader',
  data: {
    leaderId: 'leader-1',
    compoundId: 'compound-1',
    compound: COMPOUND,
    resident: resident('resident-leader'),
    buildingIds: ['building-1'],
    nominatedBy: 'self',
    partyMember: null,
    now: NOW,
    ...overrides,
  },
});
const vet = (decision: 'approve' | 'reject' = 'approve') =>
  ({
    type: 'VetLeader',
    data: { vetterId: 'worker-1', decision, note: 'known to neighbours', now: NOW },
  }) as const;
const visit = (who: NamedResident = resident()) =>
  ({
    type: 'RecordVisit',
    data: {
      visitId: 'visit-1',
      visited: { kind: 'resident', resident: who },
      notes: 'lives alone',
      needsFound: ['grab rail'],
      now: NOW,
    },
  }) as const;
const visitHousehold = (buildingId = 'building-1', household = 'Unit 2, room 601') =>
  ({
    type: 'RecordVisit',
    data: {
      visitId: 'visit-2',
      visited: { kind: 'household', buildingId, household },
      notes: 'nobody registered here',
      needsFound: ['smoke alarm'],
      now: NOW,
    },
  }) as const;
const refer = (visitId = 'visit-1', forResident: NamedResident | null = null) =>
  ({
    type: 'ReferNeed',
    data: {
      referralId: 'referral-1',
      visitId,
      resident: forResident,
      category: 'elderly-care',
      title: 'Grab rail in the bathroom',
      description: 'Needs a grab rail fitted',
      now: NOW,
    },
  }) as const;
const opinion = (residents: NamedResident[] = [resident()]) =>
  ({
    type: 'ReportOpinion',
    data: { opinionId: 'opinion-1', topic: 'Parking', text: 'Cars block the fire lane', residents, now: NOW },
  }) as const;

const nominated: BuildingLeaderEvent = {
  type: 'LeaderNominated',
  data: {
    leaderId: 'leader-1',
    communityId: 'community-1',
    compoundId: 'compound-1',
    residentId: 'resident-leader',
    buildingIds: ['building-1'],
    nominatedBy: 'self',
    memberId: null,
    nominatedAt: NOW,
  },
};
const approved: BuildingLeaderEvent = {
  type: 'LeaderApproved',
  data: {
    leaderId: 'leader-1',
    communityId: 'community-1',
    compoundId: 'compound-1',
    buildingIds: ['building-1'],
    vetterId: 'worker-1',
    note: 'known to neighbours',
    approvedAt: NOW,
  },
};
const rejected: BuildingLeaderEvent = {
  type: 'LeaderRejected',
  data: { leaderId: 'leader-1', vetterId: 'worker-1', note: 'known to neighbours', rejectedAt: NOW },
};
const visited: BuildingLeaderEvent = {
  type: 'VisitRecorded',
  data: {
    leaderId: 'leader-1',
    visitId: 'visit-1',
    residentId: 'resident-1',
    buildingId: 'building-1',
    household: null,
    notes: 'lives alone',
    needsFound: ['grab rail'],
    visitedAt: NOW,
  },
};

describe('building leader (楼门长)', () => {
  describe('nomination (自荐推荐)', () => {
    it('a resident of the compound is nominated for buildings of that compound', () =>
      given([]).when(nominate()).then([nominated]));

    it('a leader who is a Party member of the community is linked to the member', () =>
      given([])
        .when(
          nominate({
            nominatedBy: 'branch',
            partyMember: {
              memberId: 'member-1',
              entry: { status: 'known', memberId: 'member-1', communityId: 'community-1' },
            },
          }),
        )
        .then([{ ...nominated, data: { ...nominated.data, nominatedBy: 'branch', memberId: 'member-1' } }]));

    it('a Party member not delivered here yet is not yet known', () =>
      given([])
        .when(nominate({ partyMember: { memberId: 'member-9', entry: { status: 'absent' } } }))
        .thenThrows(NotYetKnown, /party member member-9/));

    it('a Party member of another community is out of scope', () =>
      given([])
        .when(
          nominate({
            partyMember: {
              memberId: 'member-2',
              entry: { status: 'known', memberId: 'member-2', communityId: 'community-2' },
            },
          }),
        )
        .thenThrows(OutOfScope, /another community/));

    it('a leader is nominated only once', () =>
      given([nominated])
        .when(nominate())
        .thenThrows(InvalidTransition, /already nominated/));

    it('a compound not delivered here yet is not yet known', () =>
      given([])
        .when(nominate({ compound: { status: 'absent' } }))
        .thenThrows(NotYetKnown, /compound compound-1/));

    it('a building the compound is not known to have is not yet known', () =>
      given([])
        .when(nominate({ buildingIds: ['building-1', 'building-9'] }))
        .thenThrows(NotYetKnown, /building building-9/));

    it('a resident not delivered here yet is not yet known', () =>
      given([])
        .when(nominate({ resident: unknownResident() }))
        .thenThrows(NotYetKnown, /resident resident-9/));

    it('a resident of another compound is out of scope', () =>
      given([])
        .when(nominate({ resident: resident('resident-x', 'compound-2') }))
        .thenThrows(OutOfScope, /does not live in compound compound-1/));
  });

  describe('vetting (组织考察)', () => {
    it('a nominated leader is approved', () => given([nominated]).when(vet()).then([approved]));

    it('a nominated leader is rejected', () => given([nominated]).when(vet('reject')).then([rejected]));

    it('only a nominated leader is vetted', () => {
      given([])
        .when(vet())
        .thenThrows(InvalidTransition, /no such building leader/);
      given([nominated, approved])
        .when(vet('reject'))
        .thenThrows(InvalidTransition, /already approved/);
      given([nominated, rejected])
        .when(vet())
        .thenThrows(InvalidTransition, /already rejected/);
    });
  });

  describe('visits (走访)', () => {
    it('an approved leader visits a resident of one of their buildings and notes the needs found', () =>
      given([nominated, approved]).when(visit()).then([visited]));

    it('only an approved leader visits', () => {
      given([nominated])
        .when(visit())
        .thenThrows(InvalidTransition, /nominated, not approved/);
      given([nominated, rejected])
        .when(visit())
        .thenThrows(InvalidTransition, /rejected, not approved/);
    });

    it('a resident of another of the compound’s buildings is out of scope', () =>
      given([nominated, approved])
        .when(visit(resident('resident-2', 'compound-1', 'building-2')))
        .thenThrows(OutOfScope, /one of this leader's buildings/));

    it('a resident not delivered here yet is not yet known', () =>
      given([nominated, approved]).when(visit(unknownResident())).thenThrows(NotYetKnown));

    it('a household of one of the leader’s buildings is visited by its unit and room', () =>
      given([nominated, approved])
        .when(visitHousehold())
        .then([
          {
            type: 'VisitRecorded',
            data: {
              leaderId: 'leader-1',
              visitId: 'visit-2',
              residentId: null,
              buildingId: 'building-1',
              household: 'Unit 2, room 601',
              notes: 'nobody registered here',
              needsFound: ['smoke alarm'],
              visitedAt: NOW,
            },
          },
        ]));

    it('a household in another of the compound’s buildings is out of scope', () =>
      given([nominated, approved])
        .when(visitHousehold('building-2'))
        .thenThrows(OutOfScope, /not one of this leader's buildings/));

    it('a household is named by its unit or room', () =>
      given([nominated, approved]).when(visitHousehold('building-1', '  ')).thenThrows(InvalidInput));
  });

  describe('a need referred as an order', () => {
    it('a need found on a visit is referred for the visited resident', () =>
      given([nominated, approved, visited])
        .when(refer())
        .then([
          {
            type: 'NeedReferred',
            data: {
              leaderId: 'leader-1',
              referralId: 'referral-1',
              visitId: 'visit-1',
              residentId: 'resident-1',
              communityId: 'community-1',
              compoundId: 'compound-1',
              buildingId: 'building-1',
              category: 'elderly-care',
              title: 'Grab rail in the bathroom',
              description: 'Needs a grab rail fitted',
              referredAt: NOW,
            },
          },
        ]));

    it('a visit the leader did not make is not found', () =>
      given([nominated, approved, visited])
        .when(refer('visit-9'))
        .thenThrows(NotFound, /visit visit-9/));

    it('a need found at a household is referred for a resident of its building', () => {
      const householdVisited: BuildingLeaderEvent = {
        type: 'VisitRecorded',
        data: { ...visited.data, visitId: 'visit-2', residentId: null, household: 'Unit 2, room 601' },
      };
      given([nominated, approved, householdVisited])
        .when(refer('visit-2', resident('resident-3')))
        .then([
          {
            type: 'NeedReferred',
            data: {
              leaderId: 'leader-1',
              referralId: 'referral-1',
              visitId: 'visit-2',
              residentId: 'resident-3',
              communityId: 'community-1',
              compoundId: 'compound-1',
              buildingId: 'building-1',
              category: 'elderly-care',
              title: 'Grab rail in the bathroom',
              description: 'Needs a grab rail fitted',
              referredAt: NOW,
            },
          },
        ]);
      given([nominated, approved, householdVisited])
        .when(refer('visit-2'))
        .thenThrows(InvalidInput, /on behalf of one of its residents/);
      given([nominated, approved, householdVisited])
        .when(refer('visit-2', resident('resident-4', 'compound-1', 'building-2')))
        .thenThrows(OutOfScope);
    });

    it('a need found visiting a resident is referred for that resident, not another', () =>
      given([nominated, approved, visited])
        .when(refer('visit-1', resident('resident-2')))
        .thenThrows(InvalidInput, /visiting resident resident-1/));

    it('only an approved leader refers needs', () =>
      given([nominated])
        .when(refer())
        .thenThrows(InvalidTransition, /not approved/));
  });

  describe('opinions reported up (民意上报)', () => {
    it('an approved leader reports an opinion naming residents of the compound', () =>
      given([nominated, approved])
        .when(opinion([resident(), resident('resident-2', 'compound-1', 'building-2')]))
        .then([
          {
            type: 'OpinionReported',
            data: {
              leaderId: 'leader-1',
              opinionId: 'opinion-1',
              communityId: 'community-1',
              compoundId: 'compound-1',
              topic: 'Parking',
              text: 'Cars block the fire lane',
              residentIds: ['resident-1', 'resident-2'],
              reportedAt: NOW,
            },
          },
        ]));

    it('only an approved leader reports', () =>
      given([nominated])
        .when(opinion())
        .thenThrows(InvalidTransition, /not approved/));

    it('a resident of another compound is out of scope', () =>
      given([nominated, approved])
        .when(opinion([resident('resident-x', 'compound-2')]))
        .thenThrows(OutOfScope));

    it('a resident not delivered here yet is not yet known', () =>
      given([nominated, approved])
        .when(opinion([unknownResident()]))
        .thenThrows(NotYetKnown));
  });

  describe('part-time grid worker (兼职网格员)', () => {
    const name = (gridId: string | null, gridLabel: string | null = null) =>
      ({ type: 'NameGridWorker', data: { namedBy: 'worker-1', gridId, gridLabel, now: NOW } }) as const;
    const named: BuildingLeaderEvent = {
      type: 'GridWorkerNamed',
      data: { leaderId: 'leader-1', namedBy: 'worker-1', gridId: 'grid-1', gridLabel: null, namedAt: NOW },
    };

    it('an approved leader is named a part-time grid worker of a grid', () =>
      given([nominated, approved]).when(name('grid-1')).then([named]));

    it('a grid not yet a fact of its own is named by a label', () =>
      given([nominated, approved])
        .when(name(null, ' Grid 3, east '))
        .then([{ ...named, data: { ...named.data, gridId: null, gridLabel: 'Grid 3, east' } }]));

    it('exactly one of grid id and label', () => {
      given([nominated, approved])
        .when(name(null))
        .thenThrows(InvalidInput, /exactly one/);
      given([nominated, approved])
        .when(name('grid-1', 'Grid 3'))
        .thenThrows(InvalidInput, /exactly one/);
    });

    it('named to the same grid again is nothing new; to another grid is recorded', () => {
      given([nominated, approved, named]).when(name('grid-1')).thenNothingHappens();
      given([nominated, approved, named])
        .when(name('grid-2'))
        .then([{ ...named, data: { ...named.data, gridId: 'grid-2' } }]);
    });

    it('only an approved leader becomes a grid worker', () =>
      given([nominated])
        .when(name('grid-1'))
        .thenThrows(InvalidTransition, /not approved/));
  });
});
