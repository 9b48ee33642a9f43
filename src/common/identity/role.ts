/**
 * organiser: staff of the regional management, sees and changes everything.
 * partner: employment agency, school authority, guilds; sees everything, changes nothing.
 * company_member / school_member: sees and changes only its own organisation.
 * door: entrance staff of one event (the user's event id), given a login by an organiser;
 *   checks classes in at that event's entrance and reaches nothing else.
 */
export enum Role {
  Organiser = 'organiser',
  Partner = 'partner',
  CompanyMember = 'company_member',
  SchoolMember = 'school_member',
  Door = 'door',
}

export const STAFF_ROLES = [Role.Organiser, Role.Partner] as const;
export const isStaff = (role: Role) => role === Role.Organiser || role === Role.Partner;
