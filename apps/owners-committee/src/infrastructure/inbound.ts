import {
  compoundRegisteredV1,
  contractRecordedV1,
  memberRegisteredV1,
  residentRegisteredV1,
  residentRegisteredV2,
  residentTenureRecordedV1,
  seatFilledV1,
  seatVacatedV1,
} from '@cogov/contracts';
import { consume } from '@cogov/context-kit';
import { RecordSeatFilledCommand, RecordSeatVacatedCommand } from '../application/branch-seats';
import { RecordDirectoryEntryCommand } from '../application/directory';
import { RecordServiceContractCommand } from '../application/property-evaluations';

/**
 * What the owners' committee keeps of others' facts: each, once its schema holds, becomes one
 * entry of its directory, built field by field (ids only).
 */
export const ownersCommitteeInbound = [
  consume(
    compoundRegisteredV1,
    ({ data: d }, context) =>
      new RecordDirectoryEntryCommand(
        { id: d.compoundId, kind: 'compound', communityId: d.communityId, compoundId: null, tenure: null },
        context,
      ),
  ),
  // A v1 registration did not say whether the resident owns their home: not an owner we know of.
  consume(
    residentRegisteredV1,
    ({ data: d }, context) =>
      new RecordDirectoryEntryCommand(
        {
          id: d.residentId,
          kind: 'resident',
          communityId: d.communityId,
          compoundId: d.compoundId,
          tenure: 'unknown',
        },
        context,
      ),
  ),
  consume(
    residentRegisteredV2,
    ({ data: d }, context) =>
      new RecordDirectoryEntryCommand(
        {
          id: d.residentId,
          kind: 'resident',
          communityId: d.communityId,
          compoundId: d.compoundId,
          tenure: d.tenure,
        },
        context,
      ),
  ),
  consume(
    memberRegisteredV1,
    ({ data: d }, context) =>
      new RecordDirectoryEntryCommand(
        { id: d.memberId, kind: 'party-member', communityId: d.communityId, compoundId: null, tenure: null },
        context,
      ),
  ),
  consume(
    seatFilledV1,
    ({ data: d }, context) =>
      new RecordSeatFilledCommand(
        {
          seatId: d.seatId,
          branchId: d.organizationId,
          organizationKind: d.organizationKind,
          communityId: d.communityId,
          compoundIds: d.compoundIds,
          seat: d.seat,
          holds: d.holds,
          memberId: d.memberId,
          residentId: d.residentId,
          filledAt: d.filledAt,
        },
        context,
      ),
  ),
  consume(
    seatVacatedV1,
    ({ data: d }, context) =>
      new RecordSeatVacatedCommand({ seatId: d.seatId, vacatedAt: d.vacatedAt }, context),
  ),
  // Who serves the compound when: a committee evaluates only that company (监督物业服务).
  consume(
    contractRecordedV1,
    ({ data: d }, context) =>
      new RecordServiceContractCommand(
        {
          contractId: d.contractId,
          companyId: d.companyId,
          compoundId: d.compoundId,
          startsOn: d.startsOn,
          endsOn: d.endsOn,
        },
        context,
      ),
  ),
  // A tenure asked after registration: the owner it names may now take a seat.
  consume(
    residentTenureRecordedV1,
    ({ data: d }, context) =>
      new RecordDirectoryEntryCommand(
        {
          id: d.residentId,
          kind: 'resident',
          communityId: d.communityId,
          compoundId: d.compoundId,
          tenure: d.tenure,
        },
        context,
      ),
  ),
];
