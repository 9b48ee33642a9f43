import { EntityManager } from 'typeorm';
import { Described, OccasionDescriber, OccasionRow } from '../../calendar/booking-occasion';
import { PlacementScheduleService } from '../../calendar/placement-schedule.service';

/** A placement: every week on its weekday at the company, with its dates and the days skipped. */
export const placementOccasion = (schedules: PlacementScheduleService): OccasionDescriber => ({
  kind: 'placement',
  async describe(manager: EntityManager, rows: OccasionRow[]) {
    const offers: Array<{ id: string; occupational_field: string; daily_start: string; daily_end: string; mentor: string; street: string; postal_code: string; town: string }> =
      await manager.query(
        `SELECT id, occupational_field, daily_start::text AS daily_start, daily_end::text AS daily_end, mentor, street, postal_code, town
           FROM practicum_offers WHERE id = ANY($1::uuid[])`,
        [rows.map((r) => r.offer_id)],
      );
    const pupils: Array<{ id: string; first_name: string; last_name: string; class_name: string | null }> = await manager.query(
      `SELECT p.id, p.first_name, p.last_name, c.name AS class_name FROM pupils p LEFT JOIN school_classes c ON c.id = p.class_id WHERE p.id = ANY($1::uuid[])`,
      [rows.map((r) => r.pupil_id).filter(Boolean)],
    );
    const offerOf = new Map(offers.map((o) => [o.id, o]));
    const pupilOf = new Map(pupils.map((p) => [p.id, p]));
    const weekly = await schedules.ofMany(
      manager,
      rows.map((row) => {
        const offer = offerOf.get(row.offer_id!)!;
        return { bookingId: row.id, weekday: row.weekday!, firstDate: row.first_date!, lastDate: row.last_date!, dailyStart: offer.daily_start, dailyEnd: offer.daily_end };
      }),
    );
    return new Map(
      rows.map((row): [string, Described] => {
        const offer = offerOf.get(row.offer_id!)!;
        const found = row.pupil_id ? pupilOf.get(row.pupil_id) : undefined;
        // a pupil deleted on request leaves the placement's history without a name
        const pupil = found ? `${found.first_name} ${found.last_name}` : '—';
        return [
          row.id,
          {
            timing: { type: 'weekly', weekday: row.weekday!, dailyStart: offer.daily_start, dailyEnd: offer.daily_end, ...weekly.get(row.id)! },
            location: `${row.company_name}, ${offer.street}, ${offer.postal_code} ${offer.town}`,
            summary: { de: `Praxistag: ${pupil} bei ${row.company_name}`, en: `Practice day: ${pupil} at ${row.company_name}` },
            what: {
              de: `${pupil} (Klasse ${found?.class_name ?? '—'}, ${row.school_name}) bei ${row.company_name}; Berufsfeld ${offer.occupational_field}; Betreuung: ${offer.mentor}`,
              en: `${pupil} (class ${found?.class_name ?? '—'}, ${row.school_name}) at ${row.company_name}; occupational field ${offer.occupational_field}; mentor: ${offer.mentor}`,
            },
          },
        ];
      }),
    );
  },
});
