/**
 * organiser: staff of the regional management, sees and changes everything.
 * partner: employment agency, school authority, guilds; sees everything, changes nothing.
 * company_member / school_member: sees and changes only its own organisation.
 */
export enum Role {
  Organiser = 'organiser',
  Partner = 'partner',
  CompanyMember = 'company_member',
  SchoolMember = 'school_member',
}

export const STAFF_ROLES = [Role.Organiser, Role.Partner] as const;
export const isStaff = (role: Role) => role === Role.Organiser || role === Role.Partner;
