import { Injectable } from '@nestjs/common';
import { DEFAULT_RED_PROPERTY_THRESHOLDS, type RedPropertyThresholds } from '../domain/company';

/**
 * The red-property (红色物业) thresholds, from the environment, the seeds' numbers by default:
 * `RED_PROPERTY_ORGANIZATION_FROM_MEMBERS` (3) full Party members require a Party organization,
 * `RED_PROPERTY_MEMBERS_FROM_STAFF` (50) staff require Party members.
 */
@Injectable()
export class RedPropertyPolicy {
  readonly thresholds: RedPropertyThresholds = {
    partyOrganizationFromMembers: threshold(
      'RED_PROPERTY_ORGANIZATION_FROM_MEMBERS',
      DEFAULT_RED_PROPERTY_THRESHOLDS.partyOrganizationFromMembers,
    ),
    partyMembersFromStaff: threshold(
      'RED_PROPERTY_MEMBERS_FROM_STAFF',
      DEFAULT_RED_PROPERTY_THRESHOLDS.partyMembersFromStaff,
    ),
  };
}

function threshold(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new Error(`${name} must be a whole number ≥ 1, not ${raw}`);
  return value;
}
