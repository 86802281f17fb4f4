import { buildingRegisteredV1, compoundRegisteredV1, residentRegisteredV1 } from '@cogov/contracts';
import { consume } from '@cogov/context-kit';
import {
  RecordCompoundDirectoryCommand,
  RecordResidentDirectoryCommand,
} from '../application/record-directory';

/**
 * What the building leaders keep of the residents' committee's facts: compounds, buildings and
 * where residents live, ids only, each fact one command built field by field.
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
  consume(
    residentRegisteredV1,
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
];
