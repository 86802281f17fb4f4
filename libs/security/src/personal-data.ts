import type { Principal, Role } from './principal';

/** Roles whose work needs residents' full names and phone numbers (calling back, visiting). */
export const PERSONAL_DATA_ROLES: readonly Role[] = [
  'platform-admin',
  'residents-committee-staff',
  'service-station-staff',
];

/** Full personal data for the roles that need it, and for the person themself; masked for everyone else. */
export function seesPersonalData(principal: Principal, personId: string): boolean {
  return (
    principal.personId === personId || principal.roles.some((role) => PERSONAL_DATA_ROLES.includes(role))
  );
}

/** `13812341234` → `138****1234`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length <= 7 ? '****' : `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/** `王小芳` → `王**`, `Wang Fang` → `W********`. */
export function maskName(name: string): string {
  const characters = [...name];
  return characters.length <= 1 ? '*' : `${characters[0]}${'*'.repeat(characters.length - 1)}`;
}
