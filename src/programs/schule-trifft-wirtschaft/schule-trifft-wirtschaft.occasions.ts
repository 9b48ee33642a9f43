import { EntityManager } from 'typeorm';
import { Described, OccasionDescriber, OccasionRow } from '../../calendar/booking-occasion';

/** A company's registration for the day: the whole day at the school. */
export const dayRegistrationOccasion: OccasionDescriber = {
  kind: 'day_registration',
  async describe(_manager: EntityManager, rows: OccasionRow[]) {
    return new Map(
      rows.map((row): [string, Described] => [
        row.id,
        {
          timing: { type: 'days', firstDay: row.starts_on, lastDay: row.ends_on },
          location: row.venue,
          summary: { de: `${row.title}: ${row.company_name}`, en: `${row.title}: ${row.company_name}` },
          what: { de: `Anmeldung von ${row.company_name} zum Tag`, en: `${row.company_name} registered for the day` },
        },
      ]),
    );
  },
};

/** A session: one company in one class during one period, in its room if it has one. */
export const sessionOccasion: OccasionDescriber = {
  kind: 'session',
  async describe(manager: EntityManager, rows: OccasionRow[]) {
    const periods: Array<{ id: string; number: number; starts_at: Date; ends_at: Date }> = await manager.query(
      `SELECT id, number, starts_at, ends_at FROM event_periods WHERE id = ANY($1::uuid[])`,
      [rows.map((r) => r.period_id)],
    );
    const classes: Array<{ id: string; name: string }> = await manager.query(
      `SELECT ec.id, sc.name FROM event_classes ec JOIN school_classes sc ON sc.id = ec.school_class_id WHERE ec.id = ANY($1::uuid[])`,
      [rows.map((r) => r.event_class_id)],
    );
    const rooms: Array<{ id: string; name: string }> = await manager.query(`SELECT id, name FROM event_rooms WHERE id = ANY($1::uuid[])`, [
      rows.map((r) => r.room_id).filter(Boolean),
    ]);
    const periodOf = new Map(periods.map((p) => [p.id, p]));
    const classOf = new Map(classes.map((c) => [c.id, c.name]));
    const roomOf = new Map(rooms.map((r) => [r.id, r.name]));
    return new Map(
      rows.map((row): [string, Described] => {
        const period = periodOf.get(row.period_id!)!;
        const sessionClass = classOf.get(row.event_class_id!);
        const room = row.room_id ? `, ${roomOf.get(row.room_id)}` : '';
        return [
          row.id,
          {
            timing: { type: 'span', startsAt: period.starts_at, endsAt: period.ends_at },
            location: `${row.venue}${room}`,
            summary: {
              de: `${row.company_name} in Klasse ${sessionClass}, ${period.number}. Stunde`,
              en: `${row.company_name} in class ${sessionClass}, period ${period.number}`,
            },
            what: {
              de: `${row.company_name} (Team ${row.team}) stellt sich in Klasse ${sessionClass} vor, ${period.number}. Stunde${room}`,
              en: `${row.company_name} (team ${row.team}) presents in class ${sessionClass}, period ${period.number}${room}`,
            },
          },
        ];
      }),
    );
  },
};
