import type { Locale } from '../common/errors/error-messages';
import { text } from './web-context';

/** An entry of the audit log as the log answers it. */
export interface AuditEntry {
  occurredAt: Date;
  actorName: string | null;
  action: string;
  changes: Record<string, unknown>;
}

/** The words for a profile's fields, as the forms call them. */
const FIELD_WORDS: Record<string, string> = {
  name: 'field.name', street: 'field.street', postalCode: 'field.postalCode', town: 'field.town', district: 'field.district',
  phone: 'field.phone', email: 'field.email', branch: 'field.branch', contactPerson: 'field.contactPerson', schoolType: 'field.schoolType',
  coordinator: 'field.coordinator', apprenticeships: 'org.apprenticeships', website: 'org.website', description: 'org.description',
};

/**
 * One line of an organisation's history in words: what happened ("Profil geändert"), what it
 * concerned (the fields, the member) and why, without the raw log. Changes of the Praxistage
 * participation are logged against the school too and read as such.
 */
export function historyLine(entry: AuditEntry, locale: Locale) {
  const changes = entry.changes ?? {};
  const member = changes.member as { name?: string } | undefined;
  const what = 'praxistageYear' in changes ? text(locale, 'org.action.praxistage') : text(locale, `org.action.${entry.action}`);
  const concerning =
    member?.name ??
    (entry.action === 'updated' && !('praxistageYear' in changes)
      ? Object.keys(changes).map((field) => (FIELD_WORDS[field] ? text(locale, FIELD_WORDS[field]) : field)).join(', ')
      : '');
  const reason = typeof changes.reason === 'string' ? changes.reason : '';
  return { at: entry.occurredAt, who: entry.actorName ?? text(locale, 'org.system'), what, concerning, reason };
}
