import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/environment';
import type { Locale } from '../../../common/errors/error-messages';
import { formatDateTime } from '../../../common/time/berlin';
import { OutboxService } from '../../../notifications/outbox.service';
import { membersByOrganisation } from '../../../notifications/recipients';
import type { MailKind } from '../../../notifications/mail-templates';

const WEEKDAYS = { de: ['', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag'], en: ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] };

/** What every application mail says about the application. */
export interface ApplicationFacts {
  id: string;
  companyId: string;
  schoolId: string;
  pupil: string;
  className: string;
  schoolName: string;
  companyName: string;
  field: string;
  phase: number;
  weekday: number;
  message: string;
}

/**
 * The mails of applications, written into the outbox in the caller's transaction: to the
 * company's members and to the school's coordinators, each in their language. Never to a
 * pupil: pupils have no address in Praxisnah.
 */
@Injectable()
export class ApplicationMails {
  constructor(
    private readonly outbox: OutboxService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The facts of an application, read in the caller's transaction. */
  async facts(manager: EntityManager, applicationId: string): Promise<ApplicationFacts> {
    const [row] = await manager.query(
      `SELECT a.id, a.company_id AS "companyId", a.school_id AS "schoolId", p.first_name || ' ' || p.last_name AS pupil,
              coalesce(c.name, '—') AS "className", s.name AS "schoolName", co.name AS "companyName", o.occupational_field AS field,
              ph.number AS phase, a.weekday, a.message
         FROM praxistage_applications a JOIN pupils p ON p.id = a.pupil_id LEFT JOIN school_classes c ON c.id = p.class_id
         JOIN schools s ON s.id = a.school_id JOIN companies co ON co.id = a.company_id JOIN practicum_offers o ON o.id = a.offer_id
         JOIN praxistage_phases ph ON ph.id = a.phase_id WHERE a.id = $1`,
      [applicationId],
    );
    return row;
  }

  received(manager: EntityManager, facts: ApplicationFacts) {
    return this.send(manager, 'application-received', 'company', facts, {});
  }

  interview(manager: EntityManager, facts: ApplicationFacts, at: Date, place: string, note: string | null) {
    return this.send(manager, 'application-interview', 'school', facts, { interviewPlace: place, note }, (locale) => ({ interviewAt: formatDateTime(at, locale) }));
  }

  declined(manager: EntityManager, facts: ApplicationFacts, reason: string | null) {
    return this.send(manager, 'application-declined', 'school', facts, { reason });
  }

  /** To the company: the pupil withdrew, or took another place (`reason` says which). */
  withdrawn(manager: EntityManager, facts: ApplicationFacts, reason: { de: string; en: string } | null) {
    return this.send(manager, 'application-withdrawn', 'company', facts, {}, (locale) => ({ reason: reason?.[locale] ?? null }));
  }

  /** A digest to the members of one organisation: the lines are already written per language. */
  async digest(manager: EntityManager, kind: 'applications-digest' | 'unplaced-digest', organisation: { companyId: string | null; schoolId: string | null }, data: (locale: Locale) => object) {
    const id = organisation.companyId ?? organisation.schoolId!;
    const members = (await membersByOrganisation(manager, [organisation])).get(id) ?? [];
    await this.outbox.enqueue(manager, kind, members, (locale, recipient) => ({ name: recipient.name, url: `${this.config.PUBLIC_URL}/praxistage`, ...data(locale) }));
  }

  private async send(
    manager: EntityManager,
    kind: MailKind,
    to: 'company' | 'school',
    facts: ApplicationFacts,
    extra: object,
    perLocale: (locale: Locale) => object = () => ({}),
  ) {
    const organisation = to === 'company' ? { companyId: facts.companyId, schoolId: null } : { companyId: null, schoolId: facts.schoolId };
    const members = (await membersByOrganisation(manager, [organisation])).get(to === 'company' ? facts.companyId : facts.schoolId) ?? [];
    await this.outbox.enqueue(manager, kind, members, (locale, recipient) => ({
      name: recipient.name,
      pupil: facts.pupil,
      className: facts.className,
      schoolName: facts.schoolName,
      companyName: facts.companyName,
      field: facts.field,
      phase: facts.phase,
      weekday: WEEKDAYS[locale][facts.weekday],
      message: facts.message,
      reason: null,
      note: null,
      url: `${this.config.PUBLIC_URL}/praxistage`,
      ...extra,
      ...perLocale(locale),
    }));
  }
}
