import { NotYetKnown, OutOfScope, WrongKind } from '@cogov/decider';

/** What this context has heard of: a compound, a resident or a Party member (ids only). */
export type DirectoryKind = 'compound' | 'resident' | 'party-member';

/** What the handler found in the directory under an id the command names. */
export type DirectoryLookup =
  | { readonly id: string; readonly kind: 'absent' }
  | {
      readonly id: string;
      readonly kind: DirectoryKind;
      readonly communityId: string;
      /** The compound a resident lives in; null for the others. */
      readonly compoundId: string | null;
      /** Whether a resident owns their home (业主); null for the others. */
      readonly tenure: Tenure | null;
    };

/** `unknown`: the residents' committee did not record it (every registration before v2). */
export type Tenure = 'owner' | 'tenant' | 'unknown';

export type KnownEntry = Exclude<DirectoryLookup, { kind: 'absent' }>;

/**
 * The entry under an id, which must be of the wanted kind. An id not heard of yet is not yet
 * known (the other context may not have delivered it: ADR 21), one of another kind is refused.
 */
export function expectKind(lookup: DirectoryLookup, wanted: DirectoryKind, entity: string): KnownEntry {
  if (lookup.kind === 'absent') throw new NotYetKnown(entity, lookup.id);
  if (lookup.kind !== wanted) throw new WrongKind(entity, lookup.id, lookup.kind);
  return lookup;
}

export function expectWithin(
  entry: KnownEntry,
  entity: string,
  where: { communityId: string; compoundId?: string },
): void {
  const outside =
    entry.communityId !== where.communityId ||
    (where.compoundId !== undefined && entry.compoundId !== where.compoundId);
  if (outside) {
    throw new OutOfScope(
      entity,
      entry.id,
      `${entity} ${entry.id} is not of ${where.compoundId ? `compound ${where.compoundId}` : `community ${where.communityId}`}`,
      { ...where },
    );
  }
}
