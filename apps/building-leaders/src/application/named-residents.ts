import type { NamedResident } from '../domain/building-leader';
import type { ResidentDirectoryRepository } from '../infrastructure/aggregates';

/** Loads what this context knows of each resident a command names, for the decider to judge. */
export async function namedResidents(
  residents: ResidentDirectoryRepository,
  residentIds: readonly string[],
): Promise<NamedResident[]> {
  return Promise.all(
    residentIds.map(async (residentId) => ({ residentId, entry: (await residents.load(residentId)).state })),
  );
}
