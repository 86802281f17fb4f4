import { type Decider, InvalidInput, InvalidTransition, NotFound, assertNever } from '@cogov/decider';
import type { OrganizationKind } from './organization';

/** 在册党员 `registered`; 双报到党员 `reporting-in`: in-service members reporting in where they live. */
export type Membership = 'registered' | 'reporting-in';

/** The organization a member joins, as the application layer loaded it. */
export type MemberOrganization =
  | { exists: false; organizationId: string }
  | {
      exists: true;
      organizationId: string;
      kind: OrganizationKind;
      communityId: string;
      /** The branch itself for a branch, the parent branch for a group, null for the committee. */
      branchId: string | null;
    };

export type RegisterMember = {
  type: 'RegisterMember';
  data: {
    memberId: string;
    organization: MemberOrganization;
    name: string;
    phone: string;
    membership: Membership;
    now: string;
  };
};

export type MemberCommand = RegisterMember;

/** Name and phone stay in this stream; the published contract leaves them out. */
export type MemberRegistered = {
  type: 'MemberRegistered';
  data: {
    memberId: string;
    organizationId: string;
    branchId: string | null;
    communityId: string;
    name: string;
    phone: string;
    membership: Membership;
    registeredAt: string;
  };
};

export type MemberEvent = MemberRegistered;

/** 党员: a Party member. */
export type Member =
  | { status: 'absent' }
  | {
      status: 'registered';
      memberId: string;
      organizationId: string;
      branchId: string | null;
      communityId: string;
      name: string;
      phone: string;
      membership: Membership;
      registeredAt: string;
    };

export const initialState = (): Member => ({ status: 'absent' });

export function decide(command: MemberCommand, state: Member): MemberEvent[] {
  switch (command.type) {
    case 'RegisterMember':
      return register(command.data, state);
    default:
      return assertNever(command.type);
  }
}

export function evolve(state: Member, event: MemberEvent): Member {
  switch (event.type) {
    case 'MemberRegistered':
      return { status: 'registered', ...event.data };
    default:
      return assertNever(event.type);
  }
}

export const memberDecider: Decider<MemberCommand, Member, MemberEvent> = { initialState, decide, evolve };

function register(command: RegisterMember['data'], state: Member): MemberEvent[] {
  if (state.status !== 'absent') {
    throw new InvalidTransition(state.status, 'register', `member ${state.memberId} is already registered`);
  }
  const { organization } = command;
  if (!organization.exists) throw new NotFound('organization', organization.organizationId);
  if (command.name.trim() === '') throw new InvalidInput('a member needs a name');
  return [
    {
      type: 'MemberRegistered',
      data: {
        memberId: command.memberId,
        organizationId: organization.organizationId,
        branchId: organization.branchId,
        communityId: organization.communityId,
        name: command.name,
        phone: command.phone,
        membership: command.membership,
        registeredAt: command.now,
      },
    },
  ];
}
