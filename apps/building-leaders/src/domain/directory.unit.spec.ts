import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import { compoundDirectoryDecider } from './compound-directory';
import { partyMemberDirectoryDecider } from './party-member-directory';
import { residentDirectoryDecider } from './resident-directory';

const compound = deciderSpecification(compoundDirectoryDecider);
const residents = deciderSpecification(residentDirectoryDecider);
const members = deciderSpecification(partyMemberDirectoryDecider);
const ids = { compoundId: 'compound-1', communityId: 'community-1' };

describe('what the building leaders know of compounds and residents', () => {
  it('a compound is recorded once', () => {
    compound([])
      .when({ type: 'RecordCompound', data: ids })
      .then([{ type: 'CompoundRecorded', data: ids }]);
    compound([{ type: 'CompoundRecorded', data: ids }])
      .when({ type: 'RecordCompound', data: ids })
      .thenNothingHappens();
  });

  it('a building may arrive before its compound, and is recorded once', () => {
    const building = { ...ids, buildingId: 'building-1' };
    compound([])
      .when({ type: 'RecordBuilding', data: building })
      .then([{ type: 'BuildingRecorded', data: building }]);
    compound([{ type: 'BuildingRecorded', data: building }])
      .when({ type: 'RecordBuilding', data: building })
      .thenNothingHappens();
  });

  it('a resident is recorded once', () => {
    const resident = { ...ids, buildingId: 'building-1', residentId: 'resident-1' };
    residents([])
      .when({ type: 'RecordResident', data: resident })
      .then([{ type: 'ResidentRecorded', data: resident }]);
    residents([{ type: 'ResidentRecorded', data: resident }])
      .when({ type: 'RecordResident', data: resident })
      .thenNothingHappens();
  });

  it('a Party member is recorded once', () => {
    const member = { memberId: 'member-1', communityId: 'community-1' };
    members([])
      .when({ type: 'RecordPartyMember', data: member })
      .then([{ type: 'PartyMemberRecorded', data: member }]);
    members([{ type: 'PartyMemberRecorded', data: member }])
      .when({ type: 'RecordPartyMember', data: member })
      .thenNothingHappens();
  });
});
