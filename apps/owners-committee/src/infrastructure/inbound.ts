import {
  compoundRegisteredV1,
  contractRecordedV1,
  memberRegisteredV1,
  residentRegisteredV1,
} from '@cogov/contracts';
import { consume } from '@cogov/context-kit';
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
        { id: d.compoundId, kind: 'compound', communityId: d.communityId, compoundId: null },
        context,
      ),
  ),
  consume(
    residentRegisteredV1,
    ({ data: d }, context) =>
      new RecordDirectoryEntryCommand(
        { id: d.residentId, kind: 'resident', communityId: d.communityId, compoundId: d.compoundId },
        context,
      ),
  ),
  consume(
    memberRegisteredV1,
    ({ data: d }, context) =>
      new RecordDirectoryEntryCommand(
        { id: d.memberId, kind: 'party-member', communityId: d.communityId, compoundId: null },
        context,
      ),
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
];
