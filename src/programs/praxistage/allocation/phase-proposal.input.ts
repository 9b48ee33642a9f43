import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '../../../common/errors/domain-error';
import { BookingReads } from '../../../bookings/booking-reads';
import { FreePlace, PupilToPlace } from './phase-allocation.model';

export interface PhaseRef {
  eventId: string;
  phaseId: string;
  number: number;
}

export interface PhaseInput {
  pupils: PupilToPlace[];
  places: FreePlace[];
  /** A fingerprint of all of it: a proposal made from another input is out of date. */
  stamp: string;
}

/**
 * What a phase's proposal starts from, read in one go: the pupils of the year (all schools,
 * or one) without a place in the phase, their wishes (Steckbriefe applied to, then those
 * marked, then occupational fields) and earlier placements, and the free
 * places of approved Steckbriefe per weekday as the engine counts them. A pupil holding an
 * offer not yet answered is left out: the offer already holds a place for the pupil.
 */
@Injectable()
export class PhaseProposalInput {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reads: BookingReads,
  ) {}

  async phase(eventId: string, number: number, manager: EntityManager = this.dataSource.manager): Promise<PhaseRef> {
    const [phase] = await manager.query(`SELECT id FROM praxistage_phases WHERE event_id = $1 AND number = $2`, [eventId, number]);
    if (!phase) throw new NotFoundError('phase');
    return { eventId, phaseId: phase.id, number };
  }

  async read(phase: PhaseRef, schoolId: string | null, manager: EntityManager = this.dataSource.manager): Promise<PhaseInput> {
    const rows: Array<{ id: string; weekday: number; may_stay: boolean; applied_to: string[]; marked: string[]; refused_by: string[]; field_wishes: string[] }> = await manager.query(
      `SELECT pp.pupil_id AS id, coalesce(cw.weekday, ps.weekday) AS weekday, pp.may_stay,
              coalesce((SELECT array_agg(a.offer_id ORDER BY a.created_at, a.id) FROM praxistage_applications a
                         WHERE a.phase_id = $2 AND a.pupil_id = pp.pupil_id AND a.status IN ('submitted', 'interview')), '{}') AS applied_to,
              coalesce((SELECT array_agg(m.offer_id ORDER BY m.marked_at, m.offer_id) FROM praxistage_marks m
                         WHERE m.event_id = pp.event_id AND m.pupil_id = pp.pupil_id), '{}') AS marked,
              coalesce((SELECT array_agg(DISTINCT a.offer_id) FROM praxistage_applications a
                         WHERE a.phase_id = $2 AND a.pupil_id = pp.pupil_id AND a.status IN ('declined_by_company', 'declined_by_pupil', 'withdrawn')), '{}') AS refused_by,
              coalesce((SELECT array_agg(w.occupational_field ORDER BY w.rank) FROM praxistage_field_wishes w
                         WHERE w.event_id = pp.event_id AND w.pupil_id = pp.pupil_id), '{}') AS field_wishes
         FROM praxistage_pupils pp JOIN pupils p ON p.id = pp.pupil_id
         JOIN praxistage_schools ps ON ps.event_id = pp.event_id AND ps.school_id = pp.school_id
         LEFT JOIN praxistage_class_weekdays cw ON cw.event_id = pp.event_id AND cw.class_id = p.class_id
        WHERE pp.event_id = $1 AND ($3::uuid IS NULL OR pp.school_id = $3)
          AND NOT EXISTS (SELECT 1 FROM praxistage_applications a WHERE a.phase_id = $2 AND a.pupil_id = pp.pupil_id AND a.status IN ('offered', 'accepted'))
        ORDER BY pp.pupil_id`,
      [phase.eventId, phase.phaseId, schoolId],
    );
    const placements = await this.reads.phasePlacements(manager, phase.eventId, rows.map((r) => r.id));
    const placedNow = new Set(placements.filter((p) => p.phaseId === phase.phaseId).map((p) => p.pupilId));
    // by pupil in one pass: a filter per pupil is pupils × placements (a million steps for a region's year)
    const earlierOf = new Map<string, Array<{ companyId: string; occupationalField: string }>>();
    for (const p of placements) {
      if (!earlierOf.has(p.pupilId)) earlierOf.set(p.pupilId, []);
      earlierOf.get(p.pupilId)!.push({ companyId: p.companyId, occupationalField: p.occupationalField });
    }
    const pupils: PupilToPlace[] = rows
      .filter((r) => !placedNow.has(r.id))
      .map((r) => ({
        id: r.id,
        weekday: Number(r.weekday),
        mayStay: r.may_stay,
        earlier: earlierOf.get(r.id) ?? [],
        // the Steckbriefe applied to first, then those marked on the Merkliste
        companyWishes: [...new Set([...r.applied_to, ...r.marked])],
        // sorted: the input's fingerprint does not depend on the order the database gives them
        refusedBy: [...r.refused_by].sort(),
        fieldWishes: r.field_wishes,
      }));
    const places = await this.places(phase, manager);
    return { pupils, places, stamp: createHash('sha256').update(JSON.stringify({ pupils, places })).digest('base64url') };
  }

  /** The places of approved Steckbriefe in the phase, with what is free of each now. */
  async places(phase: PhaseRef, manager: EntityManager, offerIds?: string[]): Promise<FreePlace[]> {
    const rows: Array<Omit<FreePlace, 'free'>> = await manager.query(
      `SELECT sp.id AS "placeId", o.id AS "offerId", o.company_id AS "companyId", o.occupational_field AS "occupationalField", sp.weekday
         FROM steckbrief_places sp JOIN practicum_offers o ON o.id = sp.offer_id
        WHERE sp.phase_id = $1 AND o.review_status = 'approved' AND ($2::uuid[] IS NULL OR o.id = ANY($2))
        ORDER BY sp.id`,
      [phase.phaseId, offerIds ?? null],
    );
    // a Steckbrief's places never keep a waiting list: capacity and places taken are all there is to count
    const held = await this.reads.held(manager, rows.map((r) => r.placeId));
    return rows.map((r) => ({ ...r, weekday: Number(r.weekday), free: Math.max(0, (held.get(r.placeId)?.capacity ?? 0) - (held.get(r.placeId)?.booked ?? 0)) }));
  }
}
