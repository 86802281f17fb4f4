import type { DepartmentKind } from '@cogov/contracts';
import {
  type Decider,
  InvalidInput,
  InvalidTransition,
  NotFound,
  RuleViolation,
  assertNever,
} from '@cogov/decider';

export type { DepartmentKind };

/** Whether the street a department is entered under exists, as the handler found it. */
export type StreetSummary = { streetId: string; exists: boolean };

/** A street enters one of the departments it can call in (the directory of departments). */
export type RegisterDepartment = {
  type: 'RegisterDepartment';
  data: { departmentId: string; street: StreetSummary; name: string; kind: DepartmentKind; now: string };
};

/** A person of the department who may report in for it (their person id is their token's). */
export type AddDepartmentStaff = {
  type: 'AddDepartmentStaff';
  data: { departmentId: string; staffId: string; name: string; now: string };
};

export type RemoveDepartmentStaff = {
  type: 'RemoveDepartmentStaff';
  data: { departmentId: string; staffId: string; now: string };
};

export type DepartmentCommand = RegisterDepartment | AddDepartmentStaff | RemoveDepartmentStaff;

export type DepartmentRegistered = {
  type: 'DepartmentRegistered';
  data: { departmentId: string; streetId: string; name: string; kind: DepartmentKind; registeredAt: string };
};
export type DepartmentStaffAdded = {
  type: 'DepartmentStaffAdded';
  data: { departmentId: string; staffId: string; name: string; addedAt: string };
};
export type DepartmentStaffRemoved = {
  type: 'DepartmentStaffRemoved';
  data: { departmentId: string; staffId: string; removedAt: string };
};

export type DepartmentEvent = DepartmentRegistered | DepartmentStaffAdded | DepartmentStaffRemoved;

export type DepartmentStaffMember = { staffId: string; name: string };

/** A government department a street's communities can whistle to, and the staff who report in for it. */
export type DepartmentState =
  | { status: 'absent' }
  | {
      status: 'registered';
      departmentId: string;
      streetId: string;
      name: string;
      kind: DepartmentKind;
      registeredAt: string;
      staff: DepartmentStaffMember[];
    };

type RegisteredDepartment = Extract<DepartmentState, { status: 'registered' }>;

export const initialState = (): DepartmentState => ({ status: 'absent' });

export function decide(command: DepartmentCommand, state: DepartmentState): DepartmentEvent[] {
  if (command.type === 'RegisterDepartment') return register(command.data, state);
  if (state.status === 'absent') throw new NotFound('department', command.data.departmentId);
  switch (command.type) {
    case 'AddDepartmentStaff':
      return addStaff(command.data, state);
    case 'RemoveDepartmentStaff': {
      const { staffId, now } = command.data;
      if (!isDepartmentStaff(state, staffId)) {
        throw new NotFound('department staff', staffId, { entity: 'department', id: state.departmentId });
      }
      return [
        {
          type: 'DepartmentStaffRemoved',
          data: { departmentId: state.departmentId, staffId, removedAt: now },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

export function evolve(state: DepartmentState, event: DepartmentEvent): DepartmentState {
  if (event.type === 'DepartmentRegistered') return { status: 'registered', ...event.data, staff: [] };
  if (state.status === 'absent') return state;
  switch (event.type) {
    case 'DepartmentStaffAdded':
      return {
        ...state,
        staff: [...state.staff, { staffId: event.data.staffId, name: event.data.name }],
      };
    case 'DepartmentStaffRemoved':
      return { ...state, staff: state.staff.filter((member) => member.staffId !== event.data.staffId) };
    default:
      return assertNever(event);
  }
}

export const departmentDecider: Decider<DepartmentCommand, DepartmentState, DepartmentEvent> = {
  initialState,
  decide,
  evolve,
};

/** Whether the person reports in for the department: the check behind every step of its work. */
export function isDepartmentStaff(state: DepartmentState, personId: string): boolean {
  return state.status === 'registered' && state.staff.some((member) => member.staffId === personId);
}

function register(d: RegisterDepartment['data'], state: DepartmentState): DepartmentEvent[] {
  if (state.status !== 'absent') {
    throw new InvalidTransition(
      state.status,
      'register',
      `department ${state.departmentId} is already registered`,
    );
  }
  if (!d.street.exists) throw new NotFound('street', d.street.streetId);
  const name = d.name.trim();
  if (name === '') throw new InvalidInput('a department needs a name');
  return [
    {
      type: 'DepartmentRegistered',
      data: {
        departmentId: d.departmentId,
        streetId: d.street.streetId,
        name,
        kind: d.kind,
        registeredAt: d.now,
      },
    },
  ];
}

function addStaff(d: AddDepartmentStaff['data'], state: RegisteredDepartment): DepartmentEvent[] {
  if (isDepartmentStaff(state, d.staffId)) {
    throw new RuleViolation(`${d.staffId} is already staff of department ${state.departmentId}`, {
      staffId: d.staffId,
      departmentId: state.departmentId,
    });
  }
  const name = d.name.trim();
  if (name === '') throw new InvalidInput('a staff member needs a name');
  return [
    {
      type: 'DepartmentStaffAdded',
      data: { departmentId: state.departmentId, staffId: d.staffId, name, addedAt: d.now },
    },
  ];
}
