import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { OccasionRow } from '../../../bookings/booking-reads';
import { NotFoundError } from '../../../common/errors/domain-error';
import type { Locale } from '../../../common/errors/error-messages';
import { Actor } from '../../../common/identity/actor';
import { Role } from '../../../common/identity/role';
import { APP_CONFIG } from '../../../config/config.module';
import type { AppConfig } from '../../../config/environment';
import type { PdfFile } from '../../../documents/booking-documents';
import { TaggedDocument } from '../../../documents/tagged-document';
import { pupilDataDeletedAfter } from '../../../retention/retention-rules';
import { Year, YearsService } from '../year/years.service';
import { certificateTitle, writeCertificate } from './certificate';
import { letterTitle, writeGuardiansLetter } from './guardians-letter';
import { agreementTitle, writeAgreement } from './placement-agreement';
import { Participant, PupilDocumentFacts } from './pupil-document-facts';
import { fileName, nameOf } from './pupil-paper';

/**
 * The papers of the Praxistage about pupils: agreements, the guardians' letter and the
 * certificate, one pupil's or a class's in one PDF. A school reaches its own pupils, a
 * company the agreements of the placements it takes, organisers and partners all; anything
 * else is missing (404). These documents are downloaded, never mailed.
 */
@Injectable()
export class PupilDocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly years: YearsService,
    private readonly facts: PupilDocumentFacts,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A pupil's agreement for one phase. */
  async agreement(actor: Actor, eventId: string, phase: number, pupilId: string): Promise<PdfFile> {
    const { year, pupils } = await this.reach(actor, eventId, { pupilId }, true);
    const [file] = await this.agreementsOf(actor, year, phase, pupils, (pupil) => [agreementTitle(actor.locale), pupil.className, pupil.lastName, pupil.firstName]);
    return file;
  }

  /** The agreements of a class for one phase, one after the other in one PDF. */
  async classAgreements(actor: Actor, eventId: string, phase: number, classId: string): Promise<PdfFile> {
    const { year, pupils } = await this.reach(actor, eventId, { classId });
    const [file] = await this.agreementsOf(actor, year, phase, pupils, (pupil) => [agreementTitle(actor.locale), pupil.className, `${phase}`], true);
    return file;
  }

  async guardiansLetter(actor: Actor, eventId: string, pupilId: string): Promise<PdfFile> {
    const { year, pupils } = await this.reach(actor, eventId, { pupilId });
    const pupil = pupils[0];
    const document = new TaggedDocument(`${letterTitle(actor.locale)}: ${nameOf(pupil)}`, actor.locale);
    writeGuardiansLetter(
      document,
      {
        pupil,
        schoolName: await this.schoolName(pupil.schoolId),
        yearTitle: year.title,
        firstDay: year.startsOn,
        lastDay: year.endsOn,
        retentionMonths: this.config.PUPIL_RETENTION_MONTHS,
        mailDays: this.config.MAIL_BODY_RETENTION_DAYS,
        deletedAfter: pupilDataDeletedAfter(year.endsOn, this.config.PUPIL_RETENTION_MONTHS),
      },
      actor.locale,
    );
    return { filename: fileName(letterTitle(actor.locale), pupil.className, pupil.lastName, pupil.firstName), body: await document.finish() };
  }

  async certificate(actor: Actor, eventId: string, pupilId: string): Promise<PdfFile> {
    const { year, pupils } = await this.reach(actor, eventId, { pupilId });
    return this.certificatesOf(actor.locale, year, pupils, [certificateTitle(actor.locale), pupils[0].className, pupils[0].lastName, pupils[0].firstName]);
  }

  /** The certificates of a class, one page each, in one PDF. */
  async classCertificates(actor: Actor, eventId: string, classId: string): Promise<PdfFile> {
    const { year, pupils } = await this.reach(actor, eventId, { classId });
    return this.certificatesOf(actor.locale, year, pupils, [certificateTitle(actor.locale), pupils[0].className]);
  }

  /** A placement's agreement from its booking (the booking's page): the booking's own tenancy has been checked. */
  async ofPlacement(manager: EntityManager, booking: OccasionRow, locale: Locale): Promise<PdfFile | null> {
    const pupil = booking.pupil_id && (await this.facts.pupil(manager, booking.pupil_id));
    const placement = pupil && (await this.facts.placements(booking.event_id, [booking.pupil_id!])).find((p) => p.id === booking.id);
    if (!pupil || !placement) return null;
    const phases: Array<{ id: string; number: number }> = await manager.query(`SELECT id, number FROM praxistage_phases WHERE event_id = $1`, [booking.event_id]);
    const [facts] = await this.facts.agreements(manager, [placement], new Map([[placement.pupilId, pupil]]), booking.title, new Map(phases.map((p) => [p.id, p.number])));
    const document = new TaggedDocument(`${agreementTitle(locale)}: ${nameOf(pupil)}`, locale);
    writeAgreement(document, facts, locale);
    return { filename: fileName(agreementTitle(locale), pupil.className, pupil.lastName, pupil.firstName), body: await document.finish() };
  }

  /**
   * The year (if the actor sees it) and its pupils the actor may have documents of: a
   * school its own; a company none but through its placements (`viaPlacement`); staff all.
   */
  private async reach(actor: Actor, eventId: string, only: { pupilId?: string; classId?: string }, viaPlacement = false) {
    if (actor.role === Role.CompanyMember && !viaPlacement) throw new NotFoundError('document');
    const year = await this.years.get(actor, eventId);
    const schoolId = actor.role === Role.SchoolMember ? actor.schoolId : null;
    const pupils = await this.facts.participants(eventId, { ...only, schoolId });
    if (pupils.length === 0) throw new NotFoundError('document');
    return { year, pupils };
  }

  private async agreementsOf(actor: Actor, year: Year, phase: number, pupils: Participant[], name: (pupil: Participant) => string[], bundle = false): Promise<PdfFile[]> {
    const phaseId = year.phases.find((p) => p.number === phase)?.id;
    const placements = (await this.facts.placements(year.eventId, pupils.map((p) => p.pupilId))).filter(
      (p) => p.phaseId === phaseId && (actor.role !== Role.CompanyMember || p.companyId === actor.companyId),
    );
    if (!phaseId || placements.length === 0) throw new NotFoundError('document');
    const byId = new Map(pupils.map((p) => [p.pupilId, p]));
    placements.sort((a, b) => pupils.indexOf(byId.get(a.pupilId)!) - pupils.indexOf(byId.get(b.pupilId)!));
    const numbers = new Map(year.phases.map((p) => [p.id, p.number]));
    const all = await this.facts.agreements(this.dataSource.manager, placements, byId, year.title, numbers);
    const first = byId.get(placements[0].pupilId)!;
    const title = bundle ? `${agreementTitle(actor.locale)} ${first.className}, ${year.title}` : `${agreementTitle(actor.locale)}: ${nameOf(first)}`;
    const document = new TaggedDocument(title, actor.locale);
    all.forEach((facts, i) => {
      if (i > 0) document.newPage();
      writeAgreement(document, facts, actor.locale);
    });
    return [{ filename: fileName(...name(first)), body: await document.finish() }];
  }

  private async certificatesOf(locale: Locale, year: Year, pupils: Participant[], name: string[]): Promise<PdfFile> {
    const placements = await this.facts.placements(year.eventId, pupils.map((p) => p.pupilId));
    const days = await this.facts.practiceDays(this.dataSource.manager, placements);
    const offers: Array<{ id: string; occupation: string }> = await this.dataSource.query(
      `SELECT id, CASE WHEN apprenticeship <> '' THEN apprenticeship ELSE occupational_field END AS occupation FROM practicum_offers WHERE id = ANY($1::uuid[])`,
      [placements.map((p) => p.offerId)],
    );
    const occupation = new Map(offers.map((o) => [o.id, o.occupation]));
    const schools = new Map<string, string>(placements.map((p) => [p.schoolId, p.schoolName]));
    const document = new TaggedDocument(pupils.length === 1 ? `${certificateTitle(locale)}: ${nameOf(pupils[0])}` : `${certificateTitle(locale)} ${pupils[0].className}, ${year.title}`, locale);
    for (const [i, pupil] of pupils.entries()) {
      if (i > 0) document.newPage();
      const phases = year.phases.map((phase) => {
        const placement = placements.find((p) => p.pupilId === pupil.pupilId && p.phaseId === phase.id);
        return { number: phase.number, companyName: placement?.companyName ?? null, occupation: placement ? (occupation.get(placement.offerId) ?? null) : null, days: placement ? (days.get(placement.id) ?? 0) : 0 };
      });
      const schoolName = schools.get(pupil.schoolId) ?? (await this.schoolName(pupil.schoolId));
      schools.set(pupil.schoolId, schoolName);
      writeCertificate(document, { pupil, schoolName, yearTitle: year.title, phases }, locale);
    }
    return { filename: fileName(...name), body: await document.finish() };
  }

  private async schoolName(schoolId: string): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT name FROM schools WHERE id = $1`, [schoolId]);
    return row.name;
  }
}
