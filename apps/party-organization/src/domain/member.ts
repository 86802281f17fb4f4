import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  NotYetKnown,
  RuleViolation,
  assertNever,
} from '@cogov/decider';
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

/**
 * 双报到 (double report-in): an in-service member, registered with the organization of one
 * community, reports in to the community where they live, naming their work unit, its Party
 * organization and their address there. The community's Party committee confirms or declines.
 */
export type ReportIn = {
  type: 'ReportIn';
  data: {
    memberId: string;
    communityId: string;
    /** Whether the residents' committee has published the community (the directory has it). */
    communityKnown: boolean;
    workUnit: string;
    workUnitOrganization: string;
    address: string;
    now: string;
  };
};

export const REPORT_IN_DECISIONS = ['confirm', 'decline'] as const;
export type ReportInDecision = (typeof REPORT_IN_DECISIONS)[number];

/** The community Party committee decides a pending report-in; a decline says why. */
export type DecideReportIn = {
  type: 'DecideReportIn';
  data: {
    memberId: string;
    decision: ReportInDecision;
    reason: string | null;
    decidedBy: string;
    now: string;
  };
};

export type MemberCommand = RegisterMember | ReportIn | DecideReportIn;

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

export type ReportInRequested = {
  type: 'ReportInRequested';
  data: {
    memberId: string;
    communityId: string;
    workUnit: string;
    workUnitOrganization: string;
    address: string;
    requestedAt: string;
  };
};

export type ReportInConfirmed = {
  type: 'ReportInConfirmed';
  data: { memberId: string; communityId: string; confirmedBy: string; confirmedAt: string };
};

export type ReportInDeclined = {
  type: 'ReportInDeclined';
  data: { memberId: string; communityId: string; reason: string; declinedBy: string; declinedAt: string };
};

export type MemberEvent = MemberRegistered | ReportInRequested | ReportInConfirmed | ReportInDeclined;

/** Where a member stands with the community they live in: at most one report-in at a time. */
export type ReportInState = {
  status: 'pending' | 'confirmed' | 'declined';
  communityId: string;
  workUnit: string;
  workUnitOrganization: string;
  address: string;
  requestedAt: string;
  decidedAt: string | null;
  reason: string | null;
};

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
      /** The latest report-in, null before the first. */
      reportIn: ReportInState | null;
    };

export const initialState = (): Member => ({ status: 'absent' });

export function decide(command: MemberCommand, state: Member): MemberEvent[] {
  switch (command.type) {
    case 'RegisterMember':
      return register(command.data, state);
    case 'ReportIn':
      return reportIn(command.data, state);
    case 'DecideReportIn':
      return decideReportIn(command.data, state);
    default:
      return assertNever(command);
  }
}

export function evolve(state: Member, event: MemberEvent): Member {
  switch (event.type) {
    case 'MemberRegistered':
      return { status: 'registered', ...event.data, reportIn: null };
    case 'ReportInRequested': {
      if (state.status !== 'registered') return state;
      const d = event.data;
      return {
        ...state,
        reportIn: {
          status: 'pending',
          communityId: d.communityId,
          workUnit: d.workUnit,
          workUnitOrganization: d.workUnitOrganization,
          address: d.address,
          requestedAt: d.requestedAt,
          decidedAt: null,
          reason: null,
        },
      };
    }
    case 'ReportInConfirmed':
      if (state.status !== 'registered' || !state.reportIn) return state;
      return {
        ...state,
        reportIn: { ...state.reportIn, status: 'confirmed', decidedAt: event.data.confirmedAt },
      };
    case 'ReportInDeclined':
      if (state.status !== 'registered' || !state.reportIn) return state;
      return {
        ...state,
        reportIn: {
          ...state.reportIn,
          status: 'declined',
          decidedAt: event.data.declinedAt,
          reason: event.data.reason,
        },
      };
    default:
      return assertNever(event);
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

function reportIn(command: ReportIn['data'], state: Member): MemberEvent[] {
  if (state.status !== 'registered') throw new NotFound('member', command.memberId);
  if (state.membership !== 'reporting-in') {
    throw new RuleViolation(
      `member ${state.memberId} is registered in their community; only an in-service member (membership reporting-in) reports in`,
      { rule: 'report-in-is-for-in-service-members', memberId: state.memberId },
    );
  }
  if (command.communityId === state.communityId) {
    throw new RuleViolation(
      `member ${state.memberId} is registered in community ${command.communityId}; a member reports in to another community`,
      { rule: 'report-in-elsewhere', memberId: state.memberId, communityId: command.communityId },
    );
  }
  const current = state.reportIn;
  if (current && current.status !== 'declined') {
    throw new RuleViolation(
      `member ${state.memberId} has already reported in to community ${current.communityId} (${current.status}); a member reports in to at most one other community`,
      {
        rule: 'one-report-in',
        memberId: state.memberId,
        communityId: current.communityId,
        status: current.status,
      },
    );
  }
  if (!command.communityKnown) throw new NotYetKnown('community', command.communityId);
  for (const [field, value] of [
    ['workUnit', command.workUnit],
    ['workUnitOrganization', command.workUnitOrganization],
    ['address', command.address],
  ] as const) {
    if (value.trim() === '') throw new InvalidInput(`a report-in needs ${field}`, { field });
  }
  return [
    {
      type: 'ReportInRequested',
      data: {
        memberId: state.memberId,
        communityId: command.communityId,
        workUnit: command.workUnit,
        workUnitOrganization: command.workUnitOrganization,
        address: command.address,
        requestedAt: command.now,
      },
    },
  ];
}

function decideReportIn(command: DecideReportIn['data'], state: Member): MemberEvent[] {
  if (state.status !== 'registered') throw new NotFound('member', command.memberId);
  const current = state.reportIn;
  if (!current || current.status !== 'pending') {
    throw new InvalidTransition(
      current?.status ?? 'none',
      `${command.decision} a report-in`,
      `member ${state.memberId} has no pending report-in to ${command.decision}`,
    );
  }
  const base = { memberId: state.memberId, communityId: current.communityId };
  if (command.decision === 'confirm') {
    return [
      {
        type: 'ReportInConfirmed',
        data: { ...base, confirmedBy: command.decidedBy, confirmedAt: command.now },
      },
    ];
  }
  const reason = command.reason?.trim() ?? '';
  if (reason === '') throw new InvalidInput('declining a report-in needs a reason', { field: 'reason' });
  return [
    {
      type: 'ReportInDeclined',
      data: { ...base, reason: command.reason!, declinedBy: command.decidedBy, declinedAt: command.now },
    },
  ];
}
