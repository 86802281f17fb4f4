import { defineContext } from '@cogov/context-kit';
import { CommitteeController } from './api/committee.controller';
import { ownersCommitteeScopes } from './api/scopes';
import { AddMemberHandler, RemoveMemberHandler } from './application/committee-members';
import { GetCommitteeHandler } from './application/committee-queries';
import { Directory, RecordDirectoryEntryHandler } from './application/directory';
import { FormCommitteeHandler } from './application/form-committee';
import { minimumPartyShareProvider } from './application/minimum-party-share';
import { committeeAggregate, compoundTermsAggregate } from './infrastructure/aggregates';
import { DirectoryEntry } from './infrastructure/directory/directory-entry.entity';
import { BranchSeatEntry } from './infrastructure/branch-seats/branch-seat.entity';
import { RecordSeatFilledHandler, RecordSeatVacatedHandler } from './application/branch-seats';
import { ownersCommitteeInbound } from './infrastructure/inbound';
import { ownersCommitteeOutbound } from './infrastructure/outbound';

/**
 * The owners' committee (业主委员会) context, the liaison between the compound's owners and the
 * others: committees formed per compound and term, their members, and the Party share rule.
 */
export const ownersCommittee = defineContext({
  name: 'owners-committee',
  port: 3003,
  aggregates: { committee: committeeAggregate, compoundTerms: compoundTermsAggregate },
  publishes: ownersCommitteeOutbound,
  consumes: ownersCommitteeInbound,
  scopes: ownersCommitteeScopes,
  entities: [DirectoryEntry, BranchSeatEntry],
  controllers: [CommitteeController],
  handlers: [
    minimumPartyShareProvider,
    Directory,
    FormCommitteeHandler,
    AddMemberHandler,
    RemoveMemberHandler,
    GetCommitteeHandler,
    RecordDirectoryEntryHandler,
    RecordSeatFilledHandler,
    RecordSeatVacatedHandler,
  ],
});
