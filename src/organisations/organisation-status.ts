/**
 * A company or school registers itself and waits (`pending`) until an organiser approves
 * it. Its members can log in and keep the profile meanwhile, but only an `approved`
 * organisation may book.
 */
export const ORGANISATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type OrganisationStatus = (typeof ORGANISATION_STATUSES)[number];

export type OrganisationKind = 'company' | 'school';
