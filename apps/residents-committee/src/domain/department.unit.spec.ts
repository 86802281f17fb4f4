import { InvalidInput, InvalidTransition, NotFound, RuleViolation } from '@cogov/decider';
import { deciderSpecification } from '@cogov/decider/testing/decider-specification';
import {
  type AddDepartmentStaff,
  type DepartmentRegistered,
  type DepartmentStaffAdded,
  type RegisterDepartment,
  departmentDecider,
  isDepartmentStaff,
} from './department';

const given = deciderSpecification(departmentDecider);
const NOW = '2026-03-01T08:00:00.000Z';
const LATER = '2026-03-02T08:00:00.000Z';

const registerDepartment = (overrides: Partial<RegisterDepartment['data']> = {}): RegisterDepartment => ({
  type: 'RegisterDepartment',
  data: {
    departmentId: 'dept-1',
    street: { streetId: 'street-1', exists: true },
    name: 'Jianxi Housing Office',
    kind: 'housing',
    now: NOW,
    ...overrides,
  },
});
const registered = (): DepartmentRegistered => ({
  type: 'DepartmentRegistered',
  data: {
    departmentId: 'dept-1',
    streetId: 'street-1',
    name: 'Jianxi Housing Office',
    kind: 'housing',
    registeredAt: NOW,
  },
});
const addStaff = (overrides: Partial<AddDepartmentStaff['data']> = {}): AddDepartmentStaff => ({
  type: 'AddDepartmentStaff',
  data: { departmentId: 'dept-1', staffId: 'person-1', name: 'Li Wei', now: LATER, ...overrides },
});
const staffAdded = (): DepartmentStaffAdded => ({
  type: 'DepartmentStaffAdded',
  data: { departmentId: 'dept-1', staffId: 'person-1', name: 'Li Wei', addedAt: LATER },
});

describe('department (residents-committee)', () => {
  it('a department is registered under an existing street, with its name and kind', () =>
    given([]).when(registerDepartment()).then([registered()]));

  it('a department of a street that does not exist is not found', () =>
    given([])
      .when(registerDepartment({ street: { streetId: 'street-9', exists: false } }))
      .thenThrows(NotFound, /street street-9 not found/));

  it('a department needs a name', () =>
    given([])
      .when(registerDepartment({ name: '  ' }))
      .thenThrows(InvalidInput, /needs a name/));

  it('a department is registered only once', () =>
    given([registered()])
      .when(registerDepartment())
      .thenThrows(InvalidTransition, /already registered/));

  it('staff are added to a registered department', () =>
    given([registered()]).when(addStaff()).then([staffAdded()]));

  it('staff of a department that does not exist are not added', () =>
    given([])
      .when(addStaff())
      .thenThrows(NotFound, /department dept-1 not found/));

  it('a person is staff of a department once', () =>
    given([registered(), staffAdded()])
      .when(addStaff())
      .thenThrows(RuleViolation, /person-1 is already staff of department dept-1/));

  it('staff are removed', () =>
    given([registered(), staffAdded()])
      .when({
        type: 'RemoveDepartmentStaff',
        data: { departmentId: 'dept-1', staffId: 'person-1', now: LATER },
      })
      .then([
        {
          type: 'DepartmentStaffRemoved',
          data: { departmentId: 'dept-1', staffId: 'person-1', removedAt: LATER },
        },
      ]));

  it('removing someone who is not staff is not found', () =>
    given([registered()])
      .when({
        type: 'RemoveDepartmentStaff',
        data: { departmentId: 'dept-1', staffId: 'person-2', now: LATER },
      })
      .thenThrows(NotFound, /department staff person-2 not found in department dept-1/));

  it('only current staff report in for the department', () => {
    const state = [registered(), staffAdded()].reduce(
      departmentDecider.evolve,
      departmentDecider.initialState(),
    );
    expect(isDepartmentStaff(state, 'person-1')).toBe(true);
    expect(isDepartmentStaff(state, 'person-2')).toBe(false);
    const removed = departmentDecider.evolve(state, {
      type: 'DepartmentStaffRemoved',
      data: { departmentId: 'dept-1', staffId: 'person-1', removedAt: LATER },
    });
    expect(isDepartmentStaff(removed, 'person-1')).toBe(false);
  });
});
