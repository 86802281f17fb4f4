import {
  buildingRegisteredV1,
  communityRegisteredV1,
  communityRegisteredV2,
  compoundRegisteredV1,
  streetRegisteredV1,
} from '@cogov/contracts';
import { consume, directoryOf } from '@cogov/context-kit';
import { BuildingPlace, CommunityPlace, CompoundPlace, StreetPlace } from './places.entities';

export const streets = directoryOf(StreetPlace, 'streetId');
export const communities = directoryOf(CommunityPlace, 'communityId');
export const compounds = directoryOf(CompoundPlace, 'compoundId');
export const buildings = directoryOf(BuildingPlace, 'buildingId');

/** The places every board is cut by, each fact one row of its directory (an upsert by its id). */
export const placesInbound = [
  consume(
    streetRegisteredV1,
    ({ data: d }, context) => new streets.Record({ streetId: d.streetId, name: d.name }, context),
  ),
  // A v1 community was registered before streets existed: it lies in none.
  consume(
    communityRegisteredV1,
    ({ data: d }, context) =>
      new communities.Record({ communityId: d.communityId, name: d.name, streetId: null }, context),
  ),
  consume(
    communityRegisteredV2,
    ({ data: d }, context) =>
      new communities.Record({ communityId: d.communityId, name: d.name, streetId: d.streetId }, context),
  ),
  consume(
    compoundRegisteredV1,
    ({ data: d }, context) =>
      new compounds.Record({ compoundId: d.compoundId, communityId: d.communityId, name: d.name }, context),
  ),
  consume(
    buildingRegisteredV1,
    ({ data: d }, context) =>
      new buildings.Record(
        {
          buildingId: d.buildingId,
          compoundId: d.compoundId,
          communityId: d.communityId,
          name: d.name,
          number: d.number,
        },
        context,
      ),
  ),
];

export const placesHandlers = [streets.Handler, communities.Handler, compounds.Handler, buildings.Handler];
