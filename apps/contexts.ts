import type { ContextManifest } from '@cogov/context-kit';
import { partyOrganization } from './party-organization/src/party-organization.context';
import { residentsCommittee } from './residents-committee/src/residents-committee.context';
import { buildingLeaders } from './building-leaders/src/building-leaders.context';
import { propertyCompany } from './property-company/src/property-company.context';
import { ownersCommittee } from './owners-committee/src/owners-committee.context';
import { boards } from './boards/src/boards.context';
import { pointsBank } from './points-bank/src/points-bank.context';

/**
 * Every bounded context, in one list. The hosts compose from it (the embedded platform, one app
 * per context, the projections process); the boundary rules read the same names from
 * `contexts.json`, and a test holds the two together. Adding a context: docs/adding-a-context.md.
 */
export const CONTEXTS: readonly ContextManifest[] = [
  residentsCommittee,
  partyOrganization,
  ownersCommittee,
  propertyCompany,
  buildingLeaders,
  boards,
  pointsBank,
];

export function contextNamed(name: string): ContextManifest {
  const context = CONTEXTS.find((c) => c.name === name);
  if (!context) throw new Error(`no context named ${name}; known: ${CONTEXTS.map((c) => c.name).join(', ')}`);
  return context;
}
