import { compoundRegisteredV1 } from '@cogov/contracts';
import { consume } from '@cogov/context-kit';
import { RecordCompoundCommand } from '../application/record-compound';

/** What the property company does with others' facts: each becomes one command of ours. */
export const propertyCompanyInbound = [
  consume(
    compoundRegisteredV1,
    ({ data: d }, context) =>
      new RecordCompoundCommand({ compoundId: d.compoundId, communityId: d.communityId }, context),
  ),
];
