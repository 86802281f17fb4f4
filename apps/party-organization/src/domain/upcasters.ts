import type { UpcasterSteps } from '@cogov/decider';

/**
 * The Party organization's schema history. v1 of `OrganizationFounded` knew no company branches:
 * no organization of then belongs to a company.
 */
export const partyOrganizationUpcasters: UpcasterSteps = {
  OrganizationFounded: { 1: (data) => ({ ...data, companyId: null }) },
};
