import {
  buildingRegisteredV1,
  compoundRegisteredV1,
  memberRegisteredV1,
  orderDispatchedV1,
  orderPlacedV1,
  orderPlacedV2,
  residentRegisteredV1,
  residentRegisteredV2,
} from '@cogov/contracts';
import { consume, consumeVersions } from '@cogov/context-kit';
import {
  RecordCompoundDirectoryCommand,
  RecordPartyMemberDirectoryCommand,
  RecordResidentDirectoryCommand,
} from '../application/record-directory';
import { RecordMediationOrderCommand } from '../application/mediate';
import { RecordDispatchCommand } from '../application/work-on-order';

/**
 * What the building leaders keep of the others' facts: compounds, buildings and where residents
 * live (residents' committee), Party members (Party organization); ids only, each fact one
 * command built field by field.
 */
export const buildingLeadersInbound = [
  consume(
    compoundRegisteredV1,
    ({ data: d }, context) =>
      new RecordCompoundDirectoryCommand(
        { type: 'RecordCompound', data: { compoundId: d.compoundId, communityId: d.communityId } },
        context,
      ),
  ),
  consume(
    buildingRegisteredV1,
    ({ data: d }, context) =>
      new RecordCompoundDirectoryCommand(
        {
          type: 'RecordBuilding',
          data: { compoundId: d.compoundId, communityId: d.communityId, buildingId: d.buildingId },
        },
        context,
      ),
  ),
  // v2 adds the resident's tenure, which the building leaders do not keep.
  ...consumeVersions(
    [residentRegisteredV1, residentRegisteredV2],
    ({ data: d }, context) =>
      new RecordResidentDirectoryCommand(
        {
          type: 'RecordResident',
          data: {
            residentId: d.residentId,
            communityId: d.communityId,
            compoundId: d.compoundId,
            buildingId: d.buildingId,
          },
        },
        context,
      ),
  ),
  consume(
    memberRegisteredV1,
    ({ data: d }, context) =>
      new RecordPartyMemberDirectoryCommand(
        { type: 'RecordPartyMember', data: { memberId: d.memberId, communityId: d.communityId } },
        context,
      ),
  ),
  consume(
    orderDispatchedV1,
    ({ data: d }, context) =>
      new RecordDispatchCommand(
        {
          orderId: d.orderId,
          round: d.round,
          // A round that went to another kind of executor takes the order out of the leader's hands.
          leaderId: d.assigneeKind === 'building-leader' ? d.assigneeId : null,
          dispatchedAt: d.dispatchedAt,
        },
        context,
      ),
  ),
  // An escalated mediation's order carries the mediation's id (ADR 0025): any other order is none of ours.
  ...consumeVersions(
    [orderPlacedV1, orderPlacedV2],
    ({ data: d }, context) =>
      new RecordMediationOrderCommand({ orderId: d.orderId, placedAt: d.placedAt }, context),
  ),
];
