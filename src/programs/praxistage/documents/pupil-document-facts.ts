import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BookingReads, PupilPlacementRow } from '../../../bookings/booking-reads';
import { PlacementScheduleService } from '../../../calendar/placement-schedule.service';
import { AgreementFacts } from './placement-agreement';
import { PupilOnPaper } from './pupil-paper';

/** A pupil of a year as documents meet it: the three fields on paper, and the school for who may see it. */
export interface Participant extends PupilOnPaper {
  pupilId: string;
  schoolId: string;
}

interface OfferTerms {
  id: string;
  occupationalField: string;
  apprenticeship: string;
  dailyStart: string;
  dailyEnd: string;
  workplace: string;
  mentor: string;
  contact: string;
}

/**
 * Reads what the pupils' documents say. It selects first name, last name and class of a
 * pupil and nothing more: the consent date and the access code stay in the database.
 */
@Injectable()
export class PupilDocumentFacts {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: BookingReads,
    private readonly schedules: PlacementScheduleService,
  ) {}

  /** The year's pupils, by class and name; narrowed to a pupil, a class, a school. */
  participants(eventId: string, only: { pupilId?: string; classId?: string; schoolId?: string | null }): Promise<Participant[]> {
    return this.dataSource.query(
      `SELECT p.id AS "pupilId", pp.school_id AS "schoolId", p.first_name AS "firstName", p.last_name AS "lastName", c.name AS "className"
         FROM praxistage_pupils pp JOIN pupils p ON p.id = pp.pupil_id JOIN school_classes c ON c.id = p.class_id
        WHERE pp.event_id = $1 AND ($2::uuid IS NULL OR p.id = $2) AND ($3::uuid IS NULL OR p.class_id = $3) AND ($4::uuid IS NULL OR pp.school_id = $4)
        ORDER BY c.name, p.last_name, p.first_name, p.id`,
      [eventId, only.pupilId ?? null, only.classId ?? null, only.schoolId ?? null],
    );
  }

  /** A placed pupil outside a year (a term's placement): the same three fields, or null once retention forgot the pupil. */
  async pupil(manager: EntityManager, pupilId: string): Promise<PupilOnPaper | null> {
    const [row] = await manager.query(
      `SELECT p.first_name AS "firstName", p.last_name AS "lastName", c.name AS "className" FROM pupils p JOIN school_classes c ON c.id = p.class_id WHERE p.id = $1`,
      [pupilId],
    );
    return row ?? null;
  }

  placements(eventId: string, pupilIds: string[]): Promise<PupilPlacementRow[]> {
    return pupilIds.length ? this.reads.confirmedOfPupils(eventId, pupilIds) : Promise.resolve([]);
  }

  /**
   * The agreements of placements, each with its practice days (public and school holidays
   * and cancelled days taken out) and the terms of its Steckbrief.
   */
  async agreements(
    manager: EntityManager,
    placements: PupilPlacementRow[],
    pupils: Map<string, PupilOnPaper>,
    yearTitle: string,
    phaseNumbers: Map<string, number>,
  ): Promise<AgreementFacts[]> {
    const offers = await this.offers(manager, placements.map((p) => p.offerId));
    const days = await this.practiceDays(manager, placements, offers);
    return placements.map((placement) => {
      const offer = offers.get(placement.offerId)!;
      return {
        pupil: pupils.get(placement.pupilId)!,
        schoolName: placement.schoolName,
        companyName: placement.companyName,
        yearTitle,
        phase: placement.phaseId ? (phaseNumbers.get(placement.phaseId) ?? null) : null,
        firstDate: placement.firstDate,
        lastDate: placement.lastDate,
        weekday: placement.weekday,
        dailyStart: offer.dailyStart,
        dailyEnd: offer.dailyEnd,
        practiceDays: days.get(placement.id) ?? 0,
        occupationalField: offer.occupationalField,
        apprenticeship: offer.apprenticeship,
        workplace: offer.workplace,
        mentor: offer.mentor,
        contact: offer.contact,
      };
    });
  }

  /** The days of each placement: its weekly dates minus holidays and the days cancelled. */
  async practiceDays(manager: EntityManager, placements: PupilPlacementRow[], known?: Map<string, OfferTerms>): Promise<Map<string, number>> {
    const offers = known ?? (await this.offers(manager, placements.map((p) => p.offerId)));
    const schedules = await this.schedules.ofMany(
      manager,
      placements.map((p) => ({
        bookingId: p.id,
        weekday: p.weekday,
        firstDate: p.firstDate,
        lastDate: p.lastDate,
        dailyStart: offers.get(p.offerId)!.dailyStart,
        dailyEnd: offers.get(p.offerId)!.dailyEnd,
      })),
    );
    return new Map([...schedules].map(([id, schedule]) => [id, schedule.days.length]));
  }

  private async offers(manager: EntityManager, offerIds: string[]): Promise<Map<string, OfferTerms>> {
    const rows: OfferTerms[] = await manager.query(
      `SELECT id, occupational_field AS "occupationalField", apprenticeship, daily_start::text AS "dailyStart", daily_end::text AS "dailyEnd",
              street || ', ' || postal_code || ' ' || town AS workplace, mentor,
              contact_person || ' · ' || contact_phone || ' · ' || contact_email AS contact
         FROM practicum_offers WHERE id = ANY($1::uuid[])`,
      [[...new Set(offerIds)]],
    );
    return new Map(rows.map((row) => [row.id, row]));
  }
}
