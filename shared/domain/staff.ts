/** Staff names: the people who key orders in, named on every audit record. */

/** The longest staff name kept; names are printed in histories and audit columns. */
export const STAFF_NAME_MAX = 80;

/** "anna müller" and "Anna Müller" are one person; "Rene" and "René" are not. */
export function sameStaffName(a: string, b: string): boolean {
  return a.localeCompare(b, 'und', { sensitivity: 'accent' }) === 0;
}

/** The list's own spelling of `name`, if it holds that person. */
export function findStaffName(staff: readonly string[], name: string): string | undefined {
  return staff.find((listed) => sameStaffName(listed, name));
}
