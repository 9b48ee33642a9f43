import { EntityManager } from 'typeorm';
import { Recipient } from './outbox.service';

/** The active members of many organisations at once (one who was deactivated has left), by company or school id, each with their language. */
export async function membersByOrganisation(
  manager: EntityManager,
  bookings: Array<{ companyId: string | null; schoolId: string | null }>,
): Promise<Map<string, Recipient[]>> {
  const companyIds = [...new Set(bookings.map((b) => b.companyId).filter(Boolean))];
  const schoolIds = [...new Set(bookings.map((b) => b.schoolId).filter(Boolean))];
  const members = new Map<string, Recipient[]>();
  if (companyIds.length === 0 && schoolIds.length === 0) return members;
  const rows: Array<Recipient & { organisation_id: string }> = await manager.query(
    `SELECT coalesce(company_id, school_id) AS organisation_id, email, locale, name
       FROM users WHERE (company_id = ANY($1::uuid[]) OR school_id = ANY($2::uuid[])) AND deactivated_at IS NULL ORDER BY email`,
    [companyIds, schoolIds],
  );
  for (const { organisation_id, ...recipient } of rows) {
    members.set(organisation_id, [...(members.get(organisation_id) ?? []), recipient]);
  }
  return members;
}
