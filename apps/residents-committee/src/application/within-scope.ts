import { type FindOptionsWhere, In } from 'typeorm';
import type { VisibleScope } from '@cogov/security';

/**
 * The `where` of a list within the caller's scope, for rows that live in a community and a
 * compound: TypeORM ORs the objects of an array, so a row is listed when it matches the filter
 * and lies in one of the caller's communities or one of their compounds. A filter on the
 * compound narrows the scope, never replaces it. `null` when nothing can match.
 */
export function withinScope<Row extends { communityId: string; compoundId: string }>(
  filter: FindOptionsWhere<Row> & { compoundId?: string },
  within: VisibleScope,
): FindOptionsWhere<Row> | Array<FindOptionsWhere<Row>> | null {
  if (within === 'everywhere') return filter;
  const clauses: Array<FindOptionsWhere<Row>> = [];
  if (within.communityIds.length > 0) {
    clauses.push({ ...filter, communityId: In(within.communityIds) });
  }
  if (filter.compoundId === undefined) {
    if (within.compoundIds.length > 0) {
      clauses.push({ ...filter, compoundId: In(within.compoundIds) });
    }
  } else if (within.compoundIds.includes(filter.compoundId)) {
    clauses.push(filter);
  }
  return clauses.length > 0 ? clauses : null;
}
