import { companyBranchFoundedV1, compoundRegisteredV1, orderDispatchedV1 } from '@cogov/contracts';
import { consume } from '@cogov/context-kit';
import { RecordCompoundCommand } from '../application/record-compound';
import { RecordPartyOrganizationCommand } from '../application/record-party-organization';
import { RecordDispatchCommand } from '../application/work-on-order';

/** What the property company does with others' facts: each becomes one command of ours. */
export const propertyCompanyInbound = [
  consume(
    compoundRegisteredV1,
    ({ data: d }, context) =>
      new RecordCompoundCommand({ compoundId: d.compoundId, communityId: d.communityId }, context),
  ),
  consume(
    orderDispatchedV1,
    ({ data: d }, context) =>
      new RecordDispatchCommand(
        {
          orderId: d.orderId,
          round: d.round,
          // A round that went to another kind of executor takes the order out of the company's hands.
          companyId: d.assigneeKind === 'property-company' ? d.assigneeId : null,
          dispatchedAt: d.dispatchedAt,
        },
        context,
      ),
  ),
  consume(
    companyBranchFoundedV1,
    ({ data: d }, context) =>
      new RecordPartyOrganizationCommand(
        { companyId: d.companyId, organizationId: d.organizationId, foundedAt: d.foundedAt },
        context,
      ),
  ),
];
