import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../../common/identity/actor';
import { Role } from '../../../common/identity/role';
import { DomainError, invalidField, NotFoundError } from '../../../common/errors/domain-error';
import { inTransaction } from '../../../database/transaction';
import { berlinDate } from '../../../common/time/berlin';
import { BookingEngine } from '../../../bookings/booking-engine';
import { BookingReads } from '../../../bookings/booking-reads';
import { YearsService } from '../year/years.service';
import { ApplicationMails } from './application-mails';
import { APPLICATION_PHASE } from './application-phase';
import { companyAndFieldRule } from '../placement-rules';
import { ACTIVE_APPLICATION, ApplicationStatus, UNDECIDED } from './application-status';
import { ApplicationListQuery, ApplyDto, DeclineDto, InterviewDto } from './application.dto';

/** The pupil an application is for, whoever acts: the pupil with the code, or the school on the pupil's behalf. */
export interface PupilRef {
  eventId: string;
  pupilId: string;
  schoolId: string;
  weekday: number;
}

/** Who acts: a pupil (no account) or a member (coordinator, company, organiser). */
export type Acting = { pupil: PupilRef } | { actor: Actor };

interface ApplicationRow {
  id: string;
  event_id: string;
  phase_id: string;
  pupil_id: string;
  school_id: string;
  offer_id: string;
  company_id: string;
  weekday: number;
  status: ApplicationStatus;
  booking_id: string | null;
  offered_until: Date | null;
  /** Sent by an accepted proposal on the pupil's behalf. */
  proposal_run_id: string | null;
}

const LIST = `
  SELECT a.id, a.event_id AS "eventId", ph.number AS phase, a.weekday, a.status, a.message, a.created_at AS "createdAt",
         a.interview_at AS "interviewAt", a.interview_place AS "interviewPlace", a.interview_note AS "interviewNote",
         a.reason, a.offered_until AS "offeredUntil", a.booking_id AS "bookingId", a.offer_id AS "offerId",
         p.first_name AS "firstName", p.last_name AS "lastName", c.name AS "className", s.name AS "schoolName",
         co.name AS "companyName", a.company_id AS "companyId", o.occupational_field AS "occupationalField", o.town,
         ph.last_day::text AS "phaseLastDay", (SELECT x.kind FROM praxistage_outcomes x WHERE x.booking_id = a.booking_id) AS outcome
    FROM praxistage_applications a
    JOIN praxistage_phases ph ON ph.id = a.phase_id
    JOIN pupils p ON p.id = a.pupil_id LEFT JOIN school_classes c ON c.id = p.class_id
    JOIN schools s ON s.id = a.school_id JOIN companies co ON co.id = a.company_id
    JOIN practicum_offers o ON o.id = a.offer_id`;

const TOOK_ANOTHER = { de: 'Ein anderer Platz in dieser Phase wurde angenommen.', en: 'Another place in this phase was accepted.' };

/**
 * Applications of the Praxistage year: pupils apply (or their school for them), companies
 * invite, decline or offer the place. An offer takes the place at once through the engine
 * (a pending placement, never a waiting one) and holds it for a few days; the pupil accepts
 * and the placement is confirmed, or declines or lets it lapse and the place is free again.
 *
 * Lock order, the same on every path: the event (shared, by the engine), the pupil's row in
 * the year, the application, then the engine's counters and bookings. The pupil's row makes
 * one pupil's applying, accepting and being offered take turns: two offers accepted at once
 * cannot both win, and a limit per phase cannot be passed by two applications at once.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly years: YearsService,
    private readonly engine: BookingEngine,
    private readonly reads: BookingReads,
    private readonly mails: ApplicationMails,
  ) {}

  async apply(acting: Acting, pupil: PupilRef, dto: ApplyDto) {
    const id = await inTransaction(this.dataSource, async (manager) => {
      await this.lockPupil(manager, pupil);
      // the phase row is read for share: a change of its window waits for this application, or this one sees it
      const [phase] = await manager.query(`${APPLICATION_PHASE} FOR SHARE OF ph`, [pupil.eventId, pupil.pupilId]);
      if (!phase) throw new DomainError('no_phase_open');
      const [year] = await manager.query(
        `SELECT y.applications_per_phase AS max, e.status FROM praxistage_years y JOIN events e ON e.id = y.event_id WHERE y.event_id = $1`,
        [pupil.eventId],
      );
      if (year.status !== 'published') throw new DomainError('event_not_open');
      const mine: Array<{ offer_id: string; status: ApplicationStatus }> = await manager.query(
        `SELECT offer_id, status FROM praxistage_applications WHERE phase_id = $1 AND pupil_id = $2 AND status = ANY($3)`,
        [phase.id, pupil.pupilId, ACTIVE_APPLICATION],
      );
      if (mine.some((a) => a.status === 'accepted')) throw new DomainError('already_placed_this_phase');
      if (mine.some((a) => a.offer_id === dto.offerId)) throw new DomainError('already_applied');
      if (mine.length >= year.max) throw new DomainError('application_limit_reached', { max: year.max });
      const [offer] = await manager.query(
        `SELECT o.id, o.company_id, o.occupational_field, o.review_status, sp.id AS place_id FROM practicum_offers o
           LEFT JOIN steckbrief_places sp ON sp.offer_id = o.id AND sp.phase_id = $2 AND sp.weekday = $3
          WHERE o.id = $1 AND o.event_id = $4`,
        [dto.offerId, phase.id, pupil.weekday, pupil.eventId],
      );
      if (!offer || offer.review_status !== 'approved') throw invalidField('offerId', 'unknownSteckbrief', 'reference');
      const place = offer.place_id ? (await this.reads.pools(manager, [offer.place_id])).get(offer.place_id) : undefined;
      if (!place?.capacity) throw new DomainError('steckbrief_not_available');
      await this.requireNewCompanyAndField(manager, pupil, offer.company_id, offer.occupational_field);
      const [created] = await manager.query(
        `INSERT INTO praxistage_applications (event_id, phase_id, pupil_id, school_id, offer_id, company_id, weekday, message, status, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'submitted', $9) RETURNING id`,
        [pupil.eventId, phase.id, pupil.pupilId, pupil.schoolId, offer.id, offer.company_id, pupil.weekday, dto.message ?? '', 'actor' in acting ? acting.actor.userId : null],
      );
      await this.mails.received(manager, await this.mails.facts(manager, created.id));
      return created.id as string;
    });
    return this.one(id);
  }

  /** The pupil takes an application back; an offered place is freed. */
  async withdraw(pupil: PupilRef, applicationId: string) {
    await inTransaction(this.dataSource, async (manager) => {
      await this.lockPupil(manager, pupil);
      const application = await this.ofPupil(manager, pupil, applicationId);
      if (![...UNDECIDED, 'offered'].includes(application.status)) throw new DomainError('application_state', { status: application.status });
      if (application.status === 'offered') await this.releaseOffer(manager, application, 'Bewerbung zurückgezogen / application withdrawn');
      await this.setStatus(manager, applicationId, 'withdrawn');
      await this.mails.withdrawn(manager, await this.mails.facts(manager, applicationId), null);
    });
    return this.one(applicationId);
  }

  async invite(actor: Actor, applicationId: string, dto: InterviewDto) {
    // an interview the pupil could never go to is a typing error
    if (dto.at.getTime() <= Date.now()) throw invalidField('at', 'notInFuture', 'future');
    await inTransaction(this.dataSource, async (manager) => {
      const application = await this.ofCompany(manager, actor, applicationId);
      if (!UNDECIDED.includes(application.status)) throw new DomainError('application_state', { status: application.status });
      await manager.query(
        `UPDATE praxistage_applications SET status = 'interview', interview_at = $2, interview_place = $3, interview_note = $4, updated_at = now() WHERE id = $1`,
        [applicationId, dto.at, dto.place, dto.note ?? null],
      );
      await this.mails.interview(manager, await this.mails.facts(manager, applicationId), dto.at, dto.place, dto.note ?? null);
    });
    return this.one(applicationId);
  }

  async decline(actor: Actor, applicationId: string, dto: DeclineDto) {
    await inTransaction(this.dataSource, async (manager) => {
      const application = await this.ofCompany(manager, actor, applicationId);
      if (!UNDECIDED.includes(application.status)) throw new DomainError('application_state', { status: application.status });
      await this.setStatus(manager, applicationId, 'declined_by_company', dto.reason ?? null);
      await this.mails.declined(manager, await this.mails.facts(manager, applicationId), dto.reason ?? null);
    });
    return this.one(applicationId);
  }

  /**
   * The company offers the place: a placement in the engine that holds it (pending) for the
   * pupil until `offered_until`. No waiting list: a full day is refused (`no_place_free`).
   * An application sent by an accepted proposal is placed at once (confirmed).
   */
  async offer(actor: Actor, applicationId: string) {
    await inTransaction(this.dataSource, async (manager) => {
      const [found] = await manager.query(`SELECT event_id, company_id FROM praxistage_applications WHERE id = $1`, [applicationId]);
      if (!found || (actor.role === Role.CompanyMember && found.company_id !== actor.companyId)) throw new NotFoundError('application');
      const event = await this.engine.openForBooking(manager, actor, found.event_id, 'praxistage', { company: found.company_id });
      const application = await this.ofCompany(manager, actor, applicationId);
      if (!UNDECIDED.includes(application.status)) throw new DomainError('application_state', { status: application.status });
      const pupil = { eventId: application.event_id, pupilId: application.pupil_id, schoolId: application.school_id, weekday: application.weekday };
      const [placed] = await manager.query(`SELECT 1 FROM praxistage_applications WHERE phase_id = $1 AND pupil_id = $2 AND status = 'accepted'`, [
        application.phase_id,
        application.pupil_id,
      ]);
      if (placed) throw new DomainError('pupil_already_placed_in_phase');
      const [terms] = await manager.query(
        `SELECT sp.id AS place_id, o.occupational_field, pp.may_stay, ph.first_day::text AS first_day, ph.last_day::text AS last_day, y.offer_hold_days,
                now() + make_interval(days => y.offer_hold_days) AS until
           FROM praxistage_applications a JOIN practicum_offers o ON o.id = a.offer_id
           JOIN praxistage_phases ph ON ph.id = a.phase_id JOIN praxistage_years y ON y.event_id = a.event_id
           JOIN praxistage_pupils pp ON pp.event_id = a.event_id AND pp.pupil_id = a.pupil_id
           LEFT JOIN steckbrief_places sp ON sp.offer_id = a.offer_id AND sp.phase_id = a.phase_id AND sp.weekday = a.weekday
          WHERE a.id = $1`,
        [applicationId],
      );
      if (!terms.place_id) throw new DomainError('no_place_free');
      // the school accepted this place for the pupil when it accepted a proposal: the company's yes places the pupil
      const proposed = application.proposal_run_id !== null;
      await this.requireNewCompanyAndField(manager, pupil, application.company_id, terms.occupational_field);
      const today = berlinDate(new Date());
      const booking = await this.engine.place(
        manager,
        event,
        {
          kind: 'placement',
          bookableId: terms.place_id,
          quantity: 1,
          schoolId: application.school_id,
          companyId: application.company_id,
          offerId: application.offer_id,
          pupilId: application.pupil_id,
          weekday: application.weekday,
          firstDate: today > terms.first_day && today <= terms.last_day ? today : terms.first_day,
          lastDate: terms.last_day,
          phaseId: application.phase_id,
          occupationalField: terms.occupational_field,
          mayStay: terms.may_stay,
        },
        proposed ? { actorId: actor.userId, reason: 'Vorschlag vom Betrieb angenommen / proposal accepted by the company' } : { actorId: actor.userId, details: { mail: 'placement-offered', offeredUntil: new Date(terms.until).toISOString() } },
        { waitingList: false, awaiting: !proposed },
      );
      if (proposed) {
        await manager.query(`UPDATE praxistage_applications SET status = 'accepted', booking_id = $2, updated_at = now() WHERE id = $1`, [applicationId, booking.id]);
        await this.withdrawOthers(manager, application.phase_id, application.pupil_id, applicationId);
        return;
      }
      await manager.query(`UPDATE praxistage_applications SET status = 'offered', booking_id = $2, offered_until = $3, updated_at = now() WHERE id = $1`, [
        applicationId,
        booking.id,
        terms.until,
      ]);
    });
    return this.one(applicationId);
  }

  /**
   * The pupil accepts an offered place: the placement is confirmed, and the pupil's other
   * applications of the phase are withdrawn (offered places freed, companies told).
   */
  async accept(acting: Acting, pupil: PupilRef, applicationId: string) {
    await inTransaction(this.dataSource, async (manager) => {
      await this.lockPupil(manager, pupil);
      const application = await this.ofPupil(manager, pupil, applicationId);
      if (application.status !== 'offered') throw new DomainError('application_state', { status: application.status });
      const [{ lapsed }] = await manager.query(`SELECT $1::timestamptz <= now() AS lapsed`, [application.offered_until]);
      if (lapsed) throw new DomainError('offer_lapsed', { until: application.offered_until!.toISOString() });
      await this.engine.transition(manager, application.booking_id!, 'confirmed', { actorId: 'actor' in acting ? acting.actor.userId : null, reason: 'Angebot angenommen / offer accepted' });
      await this.setStatus(manager, applicationId, 'accepted');
      await this.withdrawOthers(manager, application.phase_id, application.pupil_id, applicationId);
    });
    return this.one(applicationId);
  }

  /** Once a pupil holds a place in a phase, the pupil's other applications of it end: offered places freed, companies told. */
  async withdrawOthers(manager: EntityManager, phaseId: string, pupilId: string, keptId: string) {
    const others: ApplicationRow[] = await manager.query(
      `SELECT * FROM praxistage_applications WHERE phase_id = $1 AND pupil_id = $2 AND id <> $3 AND status = ANY($4) ORDER BY id FOR UPDATE`,
      [phaseId, pupilId, keptId, [...UNDECIDED, 'offered']],
    );
    for (const other of others) {
      if (other.status === 'offered') await this.releaseOffer(manager, other, `${TOOK_ANOTHER.de} / ${TOOK_ANOTHER.en}`);
      await this.setStatus(manager, other.id, 'withdrawn', TOOK_ANOTHER.de);
      await this.mails.withdrawn(manager, await this.mails.facts(manager, other.id), TOOK_ANOTHER);
    }
  }

  async declineOffer(pupil: PupilRef, applicationId: string, dto: DeclineDto = {}) {
    await inTransaction(this.dataSource, async (manager) => {
      await this.lockPupil(manager, pupil);
      const application = await this.ofPupil(manager, pupil, applicationId);
      if (application.status !== 'offered') throw new DomainError('application_state', { status: application.status });
      await this.releaseOffer(manager, application, dto.reason ?? 'Angebot abgelehnt / offer declined');
      await this.setStatus(manager, applicationId, 'declined_by_pupil', dto.reason ?? null);
    });
    return this.one(applicationId);
  }

  /** Offers past their deadline lapse: the place is free again. Safe with several instances (each re-checks under the locks). */
  async lapseDue(limit = 100): Promise<number> {
    const due: Array<{ id: string; event_id: string; pupil_id: string; school_id: string; weekday: number }> = await this.dataSource.query(
      `SELECT id, event_id, pupil_id, school_id, weekday FROM praxistage_applications WHERE status = 'offered' AND offered_until <= now() ORDER BY offered_until LIMIT $1`,
      [limit],
    );
    let lapsed = 0;
    for (const candidate of due) {
      const pupil = { eventId: candidate.event_id, pupilId: candidate.pupil_id, schoolId: candidate.school_id, weekday: candidate.weekday };
      lapsed += await inTransaction(this.dataSource, async (manager) => {
        await this.lockPupil(manager, pupil);
        const [application]: ApplicationRow[] = await manager.query(
          `SELECT * FROM praxistage_applications WHERE id = $1 AND status = 'offered' AND offered_until <= now() FOR UPDATE`,
          [candidate.id],
        );
        if (!application) return 0;
        await this.releaseOffer(manager, application, 'Frist abgelaufen / offer lapsed');
        await this.setStatus(manager, application.id, 'lapsed');
        return 1;
      });
    }
    return lapsed;
  }

  /** A pupil's own applications, newest first. */
  forPupil(pupil: PupilRef) {
    return this.dataSource.query(`${LIST} WHERE a.event_id = $1 AND a.pupil_id = $2 ORDER BY ph.number, a.created_at DESC, a.id`, [pupil.eventId, pupil.pupilId]);
  }

  /** A company's applications (only its own), a school's (only its pupils'), or all for staff. */
  async list(actor: Actor, eventId: string, query: ApplicationListQuery) {
    await this.years.get(actor, eventId);
    const scope =
      actor.role === Role.CompanyMember ? { column: 'a.company_id', id: actor.companyId } : actor.role === Role.SchoolMember ? { column: 'a.school_id', id: actor.schoolId } : null;
    return this.dataSource.query(
      `${LIST} WHERE a.event_id = $1 ${scope ? `AND ${scope.column} = $2` : 'AND $2::uuid IS NULL'}
         AND ($3::int IS NULL OR ph.number = $3) AND ($4::int IS NULL OR a.weekday = $4) AND ($5::text IS NULL OR a.status = $5)
         AND ($6::uuid IS NULL OR a.pupil_id = $6)
       ORDER BY ph.number, a.weekday, (a.status IN ('submitted', 'interview')) DESC, a.created_at, a.id LIMIT 2000`,
      [eventId, scope?.id ?? null, query.phase ?? null, query.weekday ?? null, query.status ?? null, query.pupilId ?? null],
    );
  }

  /** One application as the list shows it, for the answer of a change. */
  async one(applicationId: string) {
    const [row] = await this.dataSource.query(`${LIST} WHERE a.id = $1`, [applicationId]);
    return row;
  }

  /** The pupil of a school in a year, for acting on the pupil's behalf; another school's pupil is 404. */
  async pupilOfSchool(actor: Actor, eventId: string, pupilId: string): Promise<PupilRef> {
    await this.years.get(actor, eventId);
    const [row] = await this.dataSource.query(
      `SELECT pp.pupil_id, pp.school_id, coalesce(cw.weekday, ps.weekday) AS weekday
         FROM praxistage_pupils pp JOIN pupils p ON p.id = pp.pupil_id
         JOIN praxistage_schools ps ON ps.event_id = pp.event_id AND ps.school_id = pp.school_id
         LEFT JOIN praxistage_class_weekdays cw ON cw.event_id = pp.event_id AND cw.class_id = p.class_id
        WHERE pp.event_id = $1 AND pp.pupil_id = $2 AND pp.school_id = $3`,
      [eventId, pupilId, actor.schoolId],
    );
    if (!row) throw new NotFoundError('participant');
    return { eventId, pupilId, schoolId: row.school_id, weekday: Number(row.weekday) };
  }

  private async lockPupil(manager: EntityManager, pupil: PupilRef) {
    const [row] = await manager.query(`SELECT 1 FROM praxistage_pupils WHERE event_id = $1 AND pupil_id = $2 FOR UPDATE`, [pupil.eventId, pupil.pupilId]);
    if (!row) throw new NotFoundError('participant');
  }

  private async ofPupil(manager: EntityManager, pupil: PupilRef, applicationId: string): Promise<ApplicationRow> {
    const [row] = await manager.query(`SELECT * FROM praxistage_applications WHERE id = $1 AND event_id = $2 AND pupil_id = $3 FOR UPDATE`, [
      applicationId,
      pupil.eventId,
      pupil.pupilId,
    ]);
    if (!row) throw new NotFoundError('application');
    return row;
  }

  /** The application if it is the company's (or any for an organiser), locked. */
  private async ofCompany(manager: EntityManager, actor: Actor, applicationId: string): Promise<ApplicationRow> {
    const [peek] = await manager.query(`SELECT event_id, pupil_id, company_id FROM praxistage_applications WHERE id = $1`, [applicationId]);
    if (!peek || (actor.role === Role.CompanyMember && peek.company_id !== actor.companyId)) throw new NotFoundError('application');
    await manager.query(`SELECT 1 FROM praxistage_pupils WHERE event_id = $1 AND pupil_id = $2 FOR UPDATE`, [peek.event_id, peek.pupil_id]);
    const [row] = await manager.query(`SELECT * FROM praxistage_applications WHERE id = $1 FOR UPDATE`, [applicationId]);
    return row;
  }

  /** "A different company and field each phase", checked before the database's unique indexes say it at acceptance. */
  private async requireNewCompanyAndField(manager: EntityManager, pupil: PupilRef, companyId: string, field: string) {
    const [participant] = await manager.query(`SELECT may_stay FROM praxistage_pupils WHERE event_id = $1 AND pupil_id = $2`, [pupil.eventId, pupil.pupilId]);
    const earlier = participant?.may_stay ? [] : await this.reads.phasePlacements(manager, pupil.eventId, [pupil.pupilId]);
    const broken = companyAndFieldRule({ mayStay: !!participant?.may_stay, earlier }, { companyId, occupationalField: field });
    if (broken) throw new DomainError(broken);
  }

  private async releaseOffer(manager: EntityManager, application: ApplicationRow, reason: string) {
    if (application.booking_id) await this.engine.transition(manager, application.booking_id, 'cancelled', { actorId: null, reason });
  }

  private async setStatus(manager: EntityManager, applicationId: string, status: ApplicationStatus, reason: string | null = null) {
    await manager.query(`UPDATE praxistage_applications SET status = $2, reason = coalesce($3, reason), updated_at = now() WHERE id = $1`, [applicationId, status, reason]);
  }
}
