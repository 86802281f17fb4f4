import { committeeFormedV1, partyShareComplianceChangedV1 } from '@cogov/contracts';
import type { OutboundMapping } from '@cogov/context-kit';
import type { CommitteeEvent } from '../domain/committee';
import type { CompoundTermsEvent } from '../domain/compound-terms';

/** What the owners' committee tells the others: its committees and their Party share compliance. */
export const ownersCommitteeOutbound: OutboundMapping<CommitteeEvent | CompoundTermsEvent> = (event, out) => {
  switch (event.type) {
    case 'CommitteeFormed': {
      const d = event.data;
      return out.publish(committeeFormedV1, d.committeeId, {
        committeeId: d.committeeId,
        compoundId: d.compoundId,
        communityId: d.communityId,
        termStart: d.termStart,
        termEnd: d.termEnd,
      });
    }
    case 'PartyShareFellBelowMinimum':
    case 'PartyShareRestored': {
      const d = event.data;
      return out.publish(partyShareComplianceChangedV1, d.committeeId, {
        committeeId: d.committeeId,
        compliant: event.type === 'PartyShareRestored',
        partySharePercent: d.partySharePercent,
        minimumPartySharePercent: d.minimumPartySharePercent,
        since: d.since,
      });
    }
    default:
      return [];
  }
};
