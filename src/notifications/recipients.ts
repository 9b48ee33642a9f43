import { EntityManager } from 'typeorm';
import { Recipient } from './outbox.service';

/** The members of the given companies and schools, each with their language. */
export async function membersOf(
  manager: EntityManager,
  organisations: { companyIds?: Array<string | null>; schoolIds?: Array<string | null> },
): Promise<Recipient[]> {
  const companyIds = (organisations.companyIds ?? []).filter(Boolean);
  const schoolIds = (organisations.schoolIds ?? []).filter(Boolean);
  if (companyIds.length === 0 && schoolIds.length === 0) return [];
  return manager.query(
    `SELECT email, locale, name FROM users WHERE company_id = ANY($1::uuid[]) OR school_id = ANY($2::uuid[]) ORDER BY email`,
    [companyIds, schoolIds],
  );
}
