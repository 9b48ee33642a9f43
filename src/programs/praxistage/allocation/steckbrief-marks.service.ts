import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, NotFoundError } from '../../../common/errors/domain-error';
import { queryRows } from '../../../database/query-rows';
import { inTransaction } from '../../../database/transaction';
import { PupilRef } from '../applications/applications.service';

/** How many Steckbriefe a pupil may mark in a year: a short list to come back to, not a copy of the search. */
export const MARKS_PER_YEAR = 10;

export interface SteckbriefMark {
  steckbriefId: string;
  companyName: string;
  occupationalField: string;
  apprenticeship: string;
  town: string;
  markedAt: string;
}

type PupilOfYear = Pick<PupilRef, 'eventId' | 'pupilId'>;

/**
 * A pupil's Merkliste: approved Steckbriefe of the year marked while browsing. Marking asks
 * nothing of the company; it is a note to oneself. Where applying brought no place, a phase's
 * proposal counts the marked Steckbriefe as wishes after the applications, first marked first.
 */
@Injectable()
export class SteckbriefMarksService {
  constructor(private readonly dataSource: DataSource) {}

  async of(pupil: PupilOfYear): Promise<SteckbriefMark[]> {
    return this.dataSource.query(
      `SELECT o.id AS "steckbriefId", c.name AS "companyName", o.occupational_field AS "occupationalField", o.apprenticeship, o.town, m.marked_at AS "markedAt"
         FROM praxistage_marks m JOIN practicum_offers o ON o.id = m.offer_id JOIN companies c ON c.id = o.company_id
        WHERE m.event_id = $1 AND m.pupil_id = $2 AND o.review_status = 'approved'
        ORDER BY m.marked_at, o.id`,
      [pupil.eventId, pupil.pupilId],
    );
  }

  /** Of these Steckbriefe, the ones the pupil marked. */
  async markedAmong(pupil: PupilOfYear, steckbriefIds: string[]): Promise<Set<string>> {
    if (steckbriefIds.length === 0) return new Set();
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT offer_id AS id FROM praxistage_marks WHERE event_id = $1 AND pupil_id = $2 AND offer_id = ANY($3::uuid[])`,
      [pupil.eventId, pupil.pupilId, steckbriefIds],
    );
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Marks an approved Steckbrief of the pupil's year; marking it again changes nothing. The
   * pupil's row is locked, so two marks at once cannot pass the limit together.
   */
  async mark(pupil: PupilOfYear, steckbriefId: string): Promise<SteckbriefMark[]> {
    await inTransaction(this.dataSource, async (manager) => {
      const [visible] = await manager.query(`SELECT 1 FROM practicum_offers WHERE id = $1 AND event_id = $2 AND review_status = 'approved'`, [steckbriefId, pupil.eventId]);
      if (!visible) throw new NotFoundError('steckbrief');
      await manager.query(`SELECT 1 FROM praxistage_pupils WHERE event_id = $1 AND pupil_id = $2 FOR UPDATE`, [pupil.eventId, pupil.pupilId]);
      const [{ marked, already }] = await manager.query(
        `SELECT count(*) FILTER (WHERE o.review_status = 'approved')::int AS marked, coalesce(bool_or(m.offer_id = $3), false) AS already
           FROM praxistage_marks m JOIN practicum_offers o ON o.id = m.offer_id WHERE m.event_id = $1 AND m.pupil_id = $2`,
        [pupil.eventId, pupil.pupilId, steckbriefId],
      );
      if (already) return;
      if (marked >= MARKS_PER_YEAR) throw new DomainError('marks_limit_reached', { max: MARKS_PER_YEAR });
      await manager.query(`INSERT INTO praxistage_marks (event_id, pupil_id, offer_id) VALUES ($1, $2, $3)`, [pupil.eventId, pupil.pupilId, steckbriefId]);
    });
    return this.of(pupil);
  }

  /** Takes a Steckbrief off the list; one not on it is a 404. */
  async unmark(pupil: PupilOfYear, steckbriefId: string): Promise<void> {
    const removed = await queryRows(this.dataSource.manager, `DELETE FROM praxistage_marks WHERE event_id = $1 AND pupil_id = $2 AND offer_id = $3 RETURNING offer_id`, [
      pupil.eventId,
      pupil.pupilId,
      steckbriefId,
    ]);
    if (removed.length === 0) throw new NotFoundError('mark');
  }
}
