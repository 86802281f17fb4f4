import { type Decider, InvalidInput, InvalidTransition, NotFound, assertNever } from '@cogov/decider';
import { isUnifiedCreditCode } from './unified-credit-code';

/**
 * 物业服务企业: the property company, the executor of the orders dispatched to it. Its stream
 * holds its headcount, the contracts by which it serves compounds, whether its Party organization
 * was founded, and the 红色物业 (red property) rules assessed from those.
 */
export type RedPropertyRule =
  /** 3 or more full Party members: the company must set up a Party organization. */
  | 'party-organization'
  /** 50 or more staff: the company must have Party members. */
  | 'party-members';
export const RED_PROPERTY_RULES: readonly RedPropertyRule[] = ['party-organization', 'party-members'];

export type RuleStatus = 'met' | 'not-met' | 'not-applicable';

/** Configuration; the defaults are the seeds' numbers. */
export interface RedPropertyThresholds {
  /** Full Party members from which a Party organization is required. */
  readonly partyOrganizationFromMembers: number;
  /** Staff from which Party members are required. */
  readonly partyMembersFromStaff: number;
}
export const DEFAULT_RED_PROPERTY_THRESHOLDS: RedPropertyThresholds = {
  partyOrganizationFromMembers: 3,
  partyMembersFromStaff: 50,
};

export interface Headcount {
  readonly staffCount: number;
  readonly fullPartyMemberCount: number;
}

export interface ServiceContract {
  readonly contractId: string;
  readonly compoundId: string;
  readonly communityId: string;
  /** ISO dates, both days included. */
  readonly startsOn: string;
  readonly endsOn: string;
}

export type RegisterCompany = {
  type: 'RegisterCompany';
  data: Headcount & {
    companyId: string;
    name: string;
    unifiedCreditCode: string;
    thresholds: RedPropertyThresholds;
    now: string;
  };
};
export type ChangeHeadcount = {
  type: 'ChangeHeadcount';
  data: Headcount & { companyId: string; thresholds: RedPropertyThresholds; now: string };
};
/** The compound's term was reserved first (compound-service.ts); the company records it. */
export type RecordContract = {
  type: 'RecordContract';
  data: ServiceContract & { companyId: string; now: string };
};
/** The party-organization context founded the company's `company-branch`. */
export type RecordPartyOrganization = {
  type: 'RecordPartyOrganization';
  data: { companyId: string; organizationId: string; thresholds: RedPropertyThresholds; now: string };
};
/**
 * Calls off a registration that reserved its credit code and never happened (it died between the
 * two), so the code may be taken over; succeeds only while the company was never registered, and
 * then forbids registering it forever (domain/credit-code-registry.ts).
 */
/**
 * Calls off a contract that reserved its compound's term and was never recorded (the signing died
 * between the two), so the term may be taken over; succeeds only while the contract was never
 * recorded, and then forbids recording it forever (domain/compound-service.ts).
 */
export type AbandonContract = {
  type: 'AbandonContract';
  data: { companyId: string; contractId: string; now: string };
};
export type AbandonRegistration = { type: 'AbandonRegistration'; data: { companyId: string; now: string } };
export type CompanyCommand =
  | RegisterCompany
  | ChangeHeadcount
  | RecordContract
  | RecordPartyOrganization
  | AbandonRegistration
  | AbandonContract;

export type CompanyRegistered = {
  type: 'CompanyRegistered';
  data: Headcount & { companyId: string; name: string; unifiedCreditCode: string; registeredAt: string };
};
export type HeadcountChanged = {
  type: 'HeadcountChanged';
  data: Headcount & { companyId: string; changedAt: string };
};
export type ContractRecorded = {
  type: 'ContractRecorded';
  data: ServiceContract & { companyId: string; recordedAt: string };
};
export type PartyOrganizationRecorded = {
  type: 'PartyOrganizationRecorded';
  data: { companyId: string; organizationId: string; recordedAt: string };
};
/** A red-property rule's status changed (or was first assessed). */
export type RedPropertyRuleAssessed = {
  type: 'RedPropertyRuleAssessed';
  data: { companyId: string; rule: RedPropertyRule; status: RuleStatus; since: string };
};
export type RegistrationAbandoned = {
  type: 'RegistrationAbandoned';
  data: { companyId: string; abandonedAt: string };
};
export type ContractAbandoned = {
  type: 'ContractAbandoned';
  data: { companyId: string; contractId: string; abandonedAt: string };
};
export type CompanyEvent =
  | ContractAbandoned
  | RegistrationAbandoned
  | CompanyRegistered
  | HeadcountChanged
  | ContractRecorded
  | PartyOrganizationRecorded
  | RedPropertyRuleAssessed;

export interface RuleAssessment {
  readonly status: RuleStatus;
  readonly since: string;
}

export type Company =
  /** `abandoned`: its registration was called off, and it can never be registered. */
  | { status: 'absent'; abandoned?: boolean }
  | (Headcount & {
      status: 'registered';
      companyId: string;
      name: string;
      unifiedCreditCode: string;
      contracts: ServiceContract[];
      /** Contracts whose term was taken over before they were recorded: never to be recorded. */
      abandonedContracts: string[];
      partyOrganizationId: string | null;
      rules: Record<RedPropertyRule, RuleAssessment>;
      registeredAt: string;
    });
type RegisteredCompany = Extract<Company, { status: 'registered' }>;

export const initialState = (): Company => ({ status: 'absent' });

export function decide(command: CompanyCommand, state: Company): CompanyEvent[] {
  switch (command.type) {
    case 'RegisterCompany':
      return register(command.data, state);
    case 'ChangeHeadcount': {
      const company = registered(state, command.data.companyId);
      const { staffCount, fullPartyMemberCount, now } = command.data;
      checkHeadcount(command.data);
      if (staffCount === company.staffCount && fullPartyMemberCount === company.fullPartyMemberCount)
        return [];
      const changed: HeadcountChanged = {
        type: 'HeadcountChanged',
        data: { companyId: company.companyId, staffCount, fullPartyMemberCount, changedAt: now },
      };
      return withAssessments(company, [changed], command.data.thresholds, now);
    }
    case 'RecordContract': {
      const company = registered(state, command.data.companyId);
      const { now, ...contract } = command.data;
      // A retry of the same recording.
      if (company.contracts.some((c) => c.contractId === contract.contractId)) return [];
      if (company.abandonedContracts.includes(contract.contractId)) {
        throw new InvalidTransition(
          'abandoned',
          'record contract',
          `contract ${contract.contractId} was abandoned: its term was taken over`,
        );
      }
      return [{ type: 'ContractRecorded', data: { ...contract, recordedAt: now } }];
    }
    case 'AbandonRegistration':
      // Only a registration that never happened is called off; calling it off twice is a retry.
      if (state.status !== 'absent' || state.abandoned) return [];
      return [
        {
          type: 'RegistrationAbandoned',
          data: { companyId: command.data.companyId, abandonedAt: command.data.now },
        },
      ];
    case 'AbandonContract': {
      const { companyId, contractId, now } = command.data;
      if (state.status !== 'registered') return [];
      const known = [...state.contracts.map((c) => c.contractId), ...state.abandonedContracts];
      if (known.includes(contractId)) return [];
      return [{ type: 'ContractAbandoned', data: { companyId, contractId, abandonedAt: now } }];
    }
    case 'RecordPartyOrganization': {
      const company = registered(state, command.data.companyId);
      const { organizationId, now } = command.data;
      if (company.partyOrganizationId === organizationId) return [];
      const recorded: PartyOrganizationRecorded = {
        type: 'PartyOrganizationRecorded',
        data: { companyId: company.companyId, organizationId, recordedAt: now },
      };
      return withAssessments(company, [recorded], command.data.thresholds, now);
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: Company, event: CompanyEvent): Company {
  switch (event.type) {
    case 'RegistrationAbandoned':
      return { status: 'absent', abandoned: true };
    case 'ContractAbandoned':
      return onRegistered(state, (s) => ({
        ...s,
        abandonedContracts: [...s.abandonedContracts, event.data.contractId],
      }));
    case 'CompanyRegistered': {
      const { registeredAt, ...rest } = event.data;
      const unassessed: RuleAssessment = { status: 'not-applicable', since: registeredAt };
      return {
        status: 'registered',
        ...rest,
        contracts: [],
        abandonedContracts: [],
        partyOrganizationId: null,
        rules: { 'party-organization': unassessed, 'party-members': unassessed },
        registeredAt,
      };
    }
    case 'HeadcountChanged':
      return onRegistered(state, (s) => ({
        ...s,
        staffCount: event.data.staffCount,
        fullPartyMemberCount: event.data.fullPartyMemberCount,
      }));
    case 'ContractRecorded':
      return onRegistered(state, (s) => {
        const { companyId: _companyId, recordedAt: _recordedAt, ...contract } = event.data;
        return { ...s, contracts: [...s.contracts, contract] };
      });
    case 'PartyOrganizationRecorded':
      return onRegistered(state, (s) => ({ ...s, partyOrganizationId: event.data.organizationId }));
    case 'RedPropertyRuleAssessed':
      return onRegistered(state, (s) => ({
        ...s,
        rules: { ...s.rules, [event.data.rule]: { status: event.data.status, since: event.data.since } },
      }));
    default:
      return assertNever(event);
  }
}

export const companyDecider: Decider<CompanyCommand, Company, CompanyEvent> = {
  initialState,
  decide,
  evolve,
};

/** What each red-property rule says of a company in this state. */
export function assessRule(
  rule: RedPropertyRule,
  company: Headcount & { partyOrganizationId: string | null },
  thresholds: RedPropertyThresholds,
): RuleStatus {
  switch (rule) {
    case 'party-organization':
      if (company.fullPartyMemberCount < thresholds.partyOrganizationFromMembers) return 'not-applicable';
      return company.partyOrganizationId !== null ? 'met' : 'not-met';
    case 'party-members':
      if (company.staffCount < thresholds.partyMembersFromStaff) return 'not-applicable';
      return company.fullPartyMemberCount > 0 ? 'met' : 'not-met';
    default:
      return assertNever(rule);
  }
}

function register(d: RegisterCompany['data'], state: Company): CompanyEvent[] {
  if (state.status !== 'absent') {
    throw new InvalidTransition(state.status, 'register', `company ${state.companyId} is already registered`);
  }
  if (state.abandoned) {
    throw new InvalidTransition(
      'abandoned',
      'register',
      `company ${d.companyId}'s registration was abandoned`,
    );
  }
  if (d.name.trim() === '') throw new InvalidInput('a company needs a name');
  if (!isUnifiedCreditCode(d.unifiedCreditCode)) {
    throw new InvalidInput(
      `${d.unifiedCreditCode} is not a valid unified social credit code (统一社会信用代码)`,
      {
        unifiedCreditCode: d.unifiedCreditCode,
      },
    );
  }
  checkHeadcount(d);
  const registeredEvent: CompanyRegistered = {
    type: 'CompanyRegistered',
    data: {
      companyId: d.companyId,
      name: d.name,
      unifiedCreditCode: d.unifiedCreditCode,
      staffCount: d.staffCount,
      fullPartyMemberCount: d.fullPartyMemberCount,
      registeredAt: d.now,
    },
  };
  // Every rule is assessed once at registration, so each has a "since".
  const company = evolve(state, registeredEvent) as RegisteredCompany;
  return [
    registeredEvent,
    ...RED_PROPERTY_RULES.map((rule) =>
      assessed(company.companyId, rule, assessRule(rule, company, d.thresholds), d.now),
    ),
  ];
}

/** The events, then an assessment for every rule whose status they change. */
function withAssessments(
  company: RegisteredCompany,
  events: CompanyEvent[],
  thresholds: RedPropertyThresholds,
  now: string,
): CompanyEvent[] {
  const after = events.reduce(evolve, company) as RegisteredCompany;
  const changes = RED_PROPERTY_RULES.flatMap((rule) => {
    const status = assessRule(rule, after, thresholds);
    return status === company.rules[rule].status ? [] : [assessed(company.companyId, rule, status, now)];
  });
  return [...events, ...changes];
}

function assessed(
  companyId: string,
  rule: RedPropertyRule,
  status: RuleStatus,
  since: string,
): RedPropertyRuleAssessed {
  return { type: 'RedPropertyRuleAssessed', data: { companyId, rule, status, since } };
}

function checkHeadcount({ staffCount, fullPartyMemberCount }: Headcount): void {
  if (!Number.isInteger(staffCount) || staffCount < 0)
    throw new InvalidInput('staffCount must be a whole number ≥ 0');
  if (!Number.isInteger(fullPartyMemberCount) || fullPartyMemberCount < 0) {
    throw new InvalidInput('fullPartyMemberCount must be a whole number ≥ 0');
  }
  if (fullPartyMemberCount > staffCount) {
    throw new InvalidInput('fullPartyMemberCount cannot exceed staffCount', {
      staffCount,
      fullPartyMemberCount,
    });
  }
}

function registered(state: Company, companyId: string): RegisteredCompany {
  if (state.status === 'absent') throw new NotFound('property company', companyId);
  return state;
}

function onRegistered(state: Company, change: (s: RegisteredCompany) => RegisteredCompany): Company {
  return state.status === 'registered' ? change(state) : state;
}
